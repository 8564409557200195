namespace Superset.Catalog;

/// <summary>The endpoints of one OAuth provider as Flask-AppBuilder registers it in Authlib (<c>remote_app</c>).</summary>
/// <param name="ApiBaseUrl">api_base_url: what FAB's user-info call is relative to.</param>
/// <param name="AccessTokenUrl">access_token_url.</param>
/// <param name="AuthorizeUrl">authorize_url.</param>
/// <param name="ServerMetadataUrl">server_metadata_url (OpenID Connect discovery), or null.</param>
/// <param name="DefaultScopes">client_kwargs.scope when auth.providers.&lt;name&gt;.scopes is not set.</param>
public sealed record OAuthEndpoints(string? ApiBaseUrl, string? AccessTokenUrl, string? AuthorizeUrl, string? ServerMetadataUrl, IReadOnlyList<string> DefaultScopes);

/// <summary>
/// The providers <c>superset:auth.providers</c> names, and their endpoints: Google's, Azure's, Okta's
/// and Keycloak's as Flask-AppBuilder documents them (dpgaspar/Flask-AppBuilder docs/security.rst@v4.6.0,
/// OAUTH_PROVIDERS), GitHub's as GitHub documents its web application flow (GitHub Docs, "Authorizing
/// OAuth apps": github.com/login/oauth/authorize and /access_token, the REST API at api.github.com),
/// a generic OpenID Connect provider from its discovery document.
/// </summary>
public static class OAuthProviders
{
    /// <summary>The names, in the order the registry lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["azure", "generic", "github", "google", "keycloak", "okta"];

    /// <summary>Google (docs/security.rst@v4.6.0; FAB reads <c>userinfo</c> under api_base_url).</summary>
    public static OAuthEndpoints Google { get; } = new("https://www.googleapis.com/oauth2/v2/", "https://accounts.google.com/o/oauth2/token",
        "https://accounts.google.com/o/oauth2/auth", null, ["email", "profile"]);

    /// <summary>GitHub (GitHub Docs; FAB reads <c>user</c> under api_base_url).</summary>
    public static OAuthEndpoints GitHub { get; } = new("https://api.github.com/", "https://github.com/login/oauth/access_token",
        "https://github.com/login/oauth/authorize", null, ["user:email"]);

    /// <summary>Azure AD of a tenant (docs/security.rst@v4.6.0; FAB decodes the id token's claims).</summary>
    public static OAuthEndpoints Azure(string tenantId) => new($"https://login.microsoftonline.com/{tenantId}/oauth2",
        $"https://login.microsoftonline.com/{tenantId}/oauth2/token", $"https://login.microsoftonline.com/{tenantId}/oauth2/authorize", null,
        ["User.read", "name", "preferred_username", "email", "profile", "upn"]);

    /// <summary>Okta of a domain (docs/security.rst@v4.6.0; FAB reads <c>userinfo</c> under api_base_url, groups as role keys).</summary>
    public static OAuthEndpoints Okta(string domain) => new($"https://{domain}/oauth2/v1/", $"https://{domain}/oauth2/v1/token",
        $"https://{domain}/oauth2/v1/authorize", $"https://{domain}/.well-known/openid-configuration", ["openid", "profile", "email", "groups"]);

    /// <summary>
    /// Keycloak realm from its discovery URL <c>https://host/realms/R/.well-known/openid-configuration</c>:
    /// FAB reads <c>openid-connect/userinfo</c> relative to api_base_url, so the base is the realm's
    /// <c>protocol/</c> (docs/security.rst@v4.6.0 uses …/protocol/openid-connect, which resolves alike).
    /// </summary>
    public static OAuthEndpoints Keycloak(string realmUrl) => new($"{realmUrl}/protocol/", $"{realmUrl}/protocol/openid-connect/token",
        $"{realmUrl}/protocol/openid-connect/auth", $"{realmUrl}/.well-known/openid-configuration", ["openid", "email", "profile"]);

    /// <summary>A generic OpenID Connect provider: everything from its discovery document.</summary>
    public static OAuthEndpoints Generic(string serverMetadataUrl) => new(null, null, null, serverMetadataUrl, ["openid", "email", "profile"]);
}
