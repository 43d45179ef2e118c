using Microsoft.AspNetCore.Components.Server.Circuits;

namespace ConflictForum.Platform;

/// <summary>
/// Tells the circuit's <see cref="ReaderTimeZone"/> that it is one: a circuit opens before its root components are added,
/// so every time it renders is written by the server, never marked for the browser's script.
/// </summary>
internal sealed class ReaderTimeZoneCircuits(ReaderTimeZone zone) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        zone.InCircuit = true;
        return Task.CompletedTask;
    }
}
