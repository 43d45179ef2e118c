using ConflictForum.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConflictForum.Tests.Support;

/// <summary>
/// The app's real password hasher (same rounds), counting its verifications and able to hold one, after hashing, until
/// the test lets it go: a sign-in then sits between reading the account and writing it back, for as long as a test needs.
/// </summary>
public sealed class WatchedPasswordHasher : IPasswordHasher<ForumUser>
{
    private readonly PasswordHasher<ForumUser> inner =
        new(Options.Create(new PasswordHasherOptions { IterationCount = AccountsSetup.PasswordHashIterations }));

    private int verifications;
    private Hold? next;

    public int Verifications => Volatile.Read(ref verifications);

    /// <summary>Registers this hasher in place of the app's.</summary>
    public void Replace(IServiceCollection services) => services.AddSingleton<IPasswordHasher<ForumUser>>(this);

    public string HashPassword(ForumUser user, string password) => inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(ForumUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref verifications);
        var result = inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        if (Interlocked.Exchange(ref next, null) is { } hold)
        {
            hold.Entered.SetResult();
            Assert.True(hold.Released.Wait(TimeSpan.FromSeconds(30)), "The test never released the held verification.");
        }
        return result;
    }

    /// <summary>
    /// The next verification waits once it has hashed: <c>Entered</c> completes then, and it goes on when <c>Released</c> is set.
    /// </summary>
    public Hold HoldNext()
    {
        var hold = new Hold();
        Volatile.Write(ref next, hold);
        return hold;
    }

    public sealed class Hold : IDisposable
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ManualResetEventSlim Released { get; } = new();

        public void Dispose() => Released.Dispose();
    }
}
