namespace ConflictForum.Platform;

/// <summary>The result of a user's action: done, or an expected refusal with a message a person can read.</summary>
public record Outcome(OutcomeKind Kind, string? Message = null)
{
    public static readonly Outcome Ok = new(OutcomeKind.Ok);

    public bool Succeeded => Kind == OutcomeKind.Ok;

    public static Outcome Invalid(string message) => new(OutcomeKind.Invalid, message);

    public static Outcome Refused(string message) => new(OutcomeKind.Refused, message);

    public static Outcome NotFound(string message) => new(OutcomeKind.NotFound, message);

    /// <summary>This refusal as the outcome of an action that would have produced a <typeparamref name="T"/>.</summary>
    public Outcome<T> As<T>() => new(Kind, default, Message);
}

/// <summary>An <see cref="Outcome"/> that carries what the action produced when it succeeded.</summary>
public sealed record Outcome<T>(OutcomeKind Kind, T? Value, string? Message = null) : Outcome(Kind, Message)
{
    public static implicit operator Outcome<T>(T value) => new(OutcomeKind.Ok, value);
}
