namespace ConflictForum.Platform;

/// <summary>
/// Tells every open page of a dispute that something changed, after the change committed. In-process by default;
/// over Redis pub/sub when <c>Redis:Connection</c> is set, so pages on other instances hear it too.
/// </summary>
public interface IDisputeEvents
{
    void Publish(DisputeChanged change);

    /// <summary>Calls <paramref name="handler"/> for each change of the dispute until the result is disposed.</summary>
    IDisposable Subscribe(int disputeId, Func<DisputeChanged, Task> handler);

    void Publish(StandingChanged change);

    /// <summary>Calls <paramref name="handler"/> whenever the member's standing changes, until the result is disposed.</summary>
    IDisposable Subscribe(string userId, Func<StandingChanged, Task> handler);

    void Publish(InboxChanged change);

    /// <summary>Calls <paramref name="handler"/> whenever the member's notifications change, until the result is disposed.</summary>
    IDisposable SubscribeInbox(string userId, Func<InboxChanged, Task> handler);
}
