using ConflictForum.Platform;

namespace ConflictForum.Features.Accounts;

/// <summary>
/// The addresses that ask a reader to sign in or register and bring them back to the page they were on afterwards (the
/// account pages carry the return address through registering and confirming, and redirect only to local ones).
/// </summary>
public static class SignInLinks
{
    public const string LoginPath = "Account/Login";
    public const string RegisterPath = "Account/Register";

    /// <summary>The sign-in page, returning to <paramref name="returnUrl"/> (a path on this site; any other goes home).</summary>
    public static string Login(string? returnUrl) => WithReturn(LoginPath, returnUrl);

    /// <summary>The register page, returning to <paramref name="returnUrl"/> once the address is confirmed and signed in.</summary>
    public static string Register(string? returnUrl) => WithReturn(RegisterPath, returnUrl);

    private static string WithReturn(string path, string? returnUrl) => LocalUrl.OrRoot(returnUrl) is var back && back == "/"
        ? path
        : $"{path}?ReturnUrl={Uri.EscapeDataString(back)}";
}
