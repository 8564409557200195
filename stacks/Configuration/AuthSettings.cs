namespace Superset.Configuration;

/// <summary>How users sign in (Flask-AppBuilder's AUTH_TYPE).</summary>
public enum AuthType
{
    /// <summary>Users and passwords in the metadata database (AUTH_DB), the default.</summary>
    Database,

    /// <summary>OAuth 2 / OpenID Connect providers (AUTH_OAUTH).</summary>
    OAuth,

    /// <summary>An LDAP directory (AUTH_LDAP).</summary>
    Ldap,
}

/// <summary>
/// <c>superset:auth</c>: sign-in. Secrets are never here: each OAuth client secret and the LDAP bind
/// password is a secret config key the program puts in the credentials Secret.
/// </summary>
public sealed record AuthSettings
{
    /// <summary>Sign-in with the metadata database only.</summary>
    public static AuthSettings Database { get; } = new();

    /// <summary>AUTH_TYPE.</summary>
    public AuthType Type { get; init; } = AuthType.Database;

    /// <summary>The OAuth providers (type oauth), by name.</summary>
    public IReadOnlyList<OAuthProviderSettings> Providers { get; init; } = [];

    /// <summary>Every provider name the stack file lists, accepted or refused (what the client-secret keys apply to).</summary>
    public IReadOnlyList<string> ProviderNames { get; init; } = [];

    /// <summary>The LDAP directory (type ldap).</summary>
    public LdapSettings? Ldap { get; init; }

    /// <summary>AUTH_USER_REGISTRATION: a user the provider or directory knows gets an account at first sign-in.</summary>
    public bool UserRegistration { get; init; }

    /// <summary>AUTH_USER_REGISTRATION_ROLE.</summary>
    public string RegistrationRole { get; init; } = "Public";

    /// <summary>AUTH_ROLES_MAPPING: group (role key) → Superset roles.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> RoleMapping { get; init; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>AUTH_ROLES_SYNC_AT_LOGIN.</summary>
    public bool RoleSyncAtLogin { get; init; }
}

/// <summary>One OAuth provider of <c>auth.providers</c>.</summary>
public sealed record OAuthProviderSettings
{
    /// <summary>azure, generic, github, google, keycloak or okta.</summary>
    public required string Name { get; init; }

    /// <summary>The client id (not secret).</summary>
    public required string ClientId { get; init; }

    /// <summary>client_kwargs.scope; empty: the provider's default.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>api_base_url, overriding the provider's.</summary>
    public string? ApiBaseUrl { get; init; }

    /// <summary>access_token_url, overriding the provider's.</summary>
    public string? AccessTokenUrl { get; init; }

    /// <summary>authorize_url, overriding the provider's.</summary>
    public string? AuthorizeUrl { get; init; }

    /// <summary>server_metadata_url (OpenID Connect discovery).</summary>
    public string? ServerMetadataUrl { get; init; }

    /// <summary>Azure's tenant.</summary>
    public string? TenantId { get; init; }

    /// <summary>Okta's domain; Google's hosted domain (the hd parameter).</summary>
    public string? Domain { get; init; }
}

/// <summary>The LDAP directory of <c>auth.ldap</c> (Flask-AppBuilder's AUTH_LDAP_* keys).</summary>
/// <param name="Server">AUTH_LDAP_SERVER: ldaps://, or ldap:// with StartTLS.</param>
/// <param name="StartTls">AUTH_LDAP_USE_TLS.</param>
/// <param name="BindUser">AUTH_LDAP_BIND_USER: the DN that searches; its password is the secret ldapBindPassword.</param>
/// <param name="SearchBase">AUTH_LDAP_SEARCH.</param>
/// <param name="SearchFilter">AUTH_LDAP_SEARCH_FILTER, or null.</param>
/// <param name="UidField">AUTH_LDAP_UID_FIELD.</param>
/// <param name="GroupField">AUTH_LDAP_GROUP_FIELD.</param>
/// <param name="CaCertFile">AUTH_LDAP_TLS_CACERTFILE: a CA bundle in the image; null: the system's.</param>
public sealed record LdapSettings(string Server, bool StartTls, string BindUser, string SearchBase, string? SearchFilter, string UidField, string GroupField, string? CaCertFile);
