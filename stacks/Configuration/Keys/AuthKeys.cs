using Superset.Catalog;

namespace Superset.Configuration.Keys;

/// <summary><c>superset:auth</c>: how users sign in (Flask-AppBuilder's AUTH_* keys), and its secrets.</summary>
public static class AuthKeys
{
    /// <summary>The object.</summary>
    public static readonly ConfigKey Object = Define.Object("auth", "Sign-in: the metadata database (default), OAuth providers or an LDAP directory.");

    /// <summary><c>auth.type</c>.</summary>
    public static readonly ConfigKey Type = Define.Choice("auth.type", ["database", "oauth", "ldap"],
        "AUTH_TYPE: database (AUTH_DB), oauth (AUTH_OAUTH, auth.providers) or ldap (AUTH_LDAP, auth.ldap).",
        "database (users in the metadata database), oauth (auth.providers) or ldap (auth.ldap)",
        s => s.Auth.Type.ToString().ToLowerInvariant()) with { Default = "database" };

    /// <summary><c>auth.userRegistration</c>.</summary>
    public static readonly ConfigKey UserRegistration = Define.Bool("auth.userRegistration",
        "AUTH_USER_REGISTRATION: a user the provider or directory knows gets an account at first sign-in.", s => s.Auth.UserRegistration)
        with { DefaultText = "false", InertWhen = Applies.WithExternalAuth };

    /// <summary><c>auth.registrationRole</c>.</summary>
    public static readonly ConfigKey RegistrationRole = Define.Text("auth.registrationRole", Patterns.Trimmed,
        "AUTH_USER_REGISTRATION_ROLE: the role a registered user gets.", "a Superset role, e.g. Gamma", s => s.Auth.RegistrationRole)
        with { MaxLength = 64, DefaultText = "Public (Flask-AppBuilder's AUTH_ROLE_PUBLIC)", InertWhen = Applies.WithUserRegistration };

    /// <summary><c>auth.roleSyncAtLogin</c>.</summary>
    public static readonly ConfigKey RoleSyncAtLogin = Define.Bool("auth.roleSyncAtLogin",
        "AUTH_ROLES_SYNC_AT_LOGIN: replace a user's roles from auth.roleMapping at every sign-in.", s => s.Auth.RoleSyncAtLogin)
        with { DefaultText = "false", InertWhen = Applies.WithExternalAuth };

    /// <summary><c>auth.roleMapping</c>.</summary>
    public static readonly ConfigKey RoleMapping = new()
    {
        Path = "auth.roleMapping", Kind = ValueKind.Map, Pattern = Patterns.Trimmed, MaxLength = 512, InertWhen = Applies.WithExternalAuth,
        Description = "AUTH_ROLES_MAPPING: a group (an LDAP group DN, an OAuth groups or roles claim value) → Superset roles.",
        Expected = "a group name or DN",
    };

    /// <summary><c>auth.roleMapping.&lt;name&gt;</c>.</summary>
    public static readonly ConfigKey RoleMappingEntry = new()
    {
        Path = "auth.roleMapping.<name>", Kind = ValueKind.StringList, Pattern = Patterns.Trimmed, MaxLength = 64, DefaultText = "none",
        Description = "The Superset roles of the group's members.", Expected = "Superset roles, e.g. Alpha",
    };

    /// <summary><c>auth.providers</c>.</summary>
    public static readonly ConfigKey Providers = new()
    {
        Path = "auth.providers", Kind = ValueKind.Map, Values = OAuthProviders.Names, InertWhen = Applies.WithOAuth,
        Description = "OAuth providers (type oauth), by name; each client secret is the secret key oauth<Name>ClientSecret.",
        Expected = $"one of {string.Join(", ", OAuthProviders.Names)}",
    };

    /// <summary>One provider.</summary>
    public static readonly ConfigKey Provider = Define.Object("auth.providers.<name>", "One OAuth provider.");

    /// <summary>Its fields.</summary>
    public static readonly IReadOnlyList<ConfigKey> ProviderFields =
    [
        Define.Text("auth.providers.<name>.clientId", Patterns.NoSpaces, "The OAuth client id (its secret is a secret key).", "the client id the provider issued", null)
            with { MaxLength = 256, DefaultText = "none (required)" },
        new ConfigKey
        {
            Path = "auth.providers.<name>.scopes", Kind = ValueKind.StringList, Pattern = Patterns.OAuthScope, MaxLength = 256, DefaultText = "the provider's (stacks/Catalog/OAuthProviders.cs)",
            Description = "client_kwargs.scope.", Expected = "OAuth scopes, e.g. openid",
        },
        Url("apiBaseUrl", "api_base_url, overriding the provider's."),
        Url("accessTokenUrl", "access_token_url, overriding the provider's."),
        Url("authorizeUrl", "authorize_url, overriding the provider's."),
        Url("serverMetadataUrl", "server_metadata_url: the OpenID Connect discovery document (keycloak: …/realms/<realm>/.well-known/openid-configuration; generic: required)."),
        Define.Text("auth.providers.<name>.tenantId", "^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9]([a-z0-9.-]*[a-z0-9])?)$",
            "Azure's tenant (azure).", "an Azure tenant id (a GUID) or domain", null) with { MaxLength = 253, DefaultText = "none" },
        Define.Text("auth.providers.<name>.domain", Patterns.DnsName, "Okta's domain (okta), or Google's hosted domain (google: the hd parameter).",
            "a DNS name, e.g. example.okta.com", null) with { MaxLength = 253, DefaultText = "none" },
    ];

    /// <summary><c>auth.ldap</c>.</summary>
    public static readonly ConfigKey Ldap = Define.Object("auth.ldap", "The LDAP directory (type ldap); its bind password is the secret key ldapBindPassword.") with { InertWhen = Applies.WithLdap };

    /// <summary>Its fields.</summary>
    public static readonly IReadOnlyList<ConfigKey> LdapFields =
    [
        Define.Text("auth.ldap.server", Patterns.LdapUrl, "AUTH_LDAP_SERVER: ldaps://host[:port], or ldap://host[:port] with startTls.",
            "an LDAP URL: ldaps://host[:port], or ldap://host[:port] with startTls: true", null) with { MaxLength = 300, DefaultText = "none (required)" },
        Define.Bool("auth.ldap.startTls", "AUTH_LDAP_USE_TLS: StartTLS on an ldap:// server (required there: the password never crosses in clear).", null) with { DefaultText = "false" },
        Define.Text("auth.ldap.bindUser", Patterns.DistinguishedName, "AUTH_LDAP_BIND_USER: the DN that searches the directory.",
            "a distinguished name, e.g. cn=superset,ou=services,dc=example,dc=org", null) with { MaxLength = 1024, DefaultText = "none (required)" },
        Define.Text("auth.ldap.searchBase", Patterns.DistinguishedName, "AUTH_LDAP_SEARCH: where users are searched.",
            "a distinguished name, e.g. ou=people,dc=example,dc=org", null) with { MaxLength = 1024, DefaultText = "none (required)" },
        Define.Text("auth.ldap.searchFilter", Patterns.LdapFilter, "AUTH_LDAP_SEARCH_FILTER: only users matching it may sign in.",
            "an LDAP filter in parentheses, e.g. (memberOf=cn=bi,ou=groups,dc=example,dc=org)", null) with { MaxLength = 1024, DefaultText = "none" },
        Define.Text("auth.ldap.uidField", Patterns.LdapAttribute, "AUTH_LDAP_UID_FIELD: the attribute users sign in with (Active Directory: sAMAccountName).",
            "an LDAP attribute name", null) with { MaxLength = 64, DefaultText = FlaskAppBuilder.LdapUidField },
        Define.Text("auth.ldap.groupField", Patterns.LdapAttribute, "AUTH_LDAP_GROUP_FIELD: the attribute holding a user's group DNs, which auth.roleMapping maps.",
            "an LDAP attribute name", null) with { MaxLength = 64, DefaultText = FlaskAppBuilder.LdapGroupField },
        Define.Text("auth.ldap.caCertFile", Patterns.AbsolutePath, "AUTH_LDAP_TLS_CACERTFILE: a CA bundle in the image that signs the server's certificate.",
            "an absolute path in the image", null) with { MaxLength = 1024, DefaultText = "the image's system CA bundle" },
    ];

    /// <summary>The secret key of a provider's client secret (<c>oauthGoogleClientSecret</c>).</summary>
    public static string ClientSecretKey(string provider) => $"oauth{char.ToUpperInvariant(provider[0])}{provider[1..]}ClientSecret";

    /// <summary>One secret key per provider.</summary>
    public static readonly IReadOnlyList<ConfigKey> ClientSecrets = OAuthProviders.Names.Select(p => new ConfigKey
    {
        Path = ClientSecretKey(p), Kind = ValueKind.String, Secret = true, DefaultText = "none",
        Description = $"The client secret of OAuth provider {p}, required with auth.providers.{p}: pulumi config set --secret superset:{ClientSecretKey(p)} <secret>.",
        InertWhen = s => Applies.WithOAuth(s) ?? (s.Auth.ProviderNames.Contains(p) ? null : $"auth.providers has no {p}"),
    }).ToList();

    /// <summary><c>ldapBindPassword</c>.</summary>
    public static readonly ConfigKey LdapBindPassword = new()
    {
        Path = "ldapBindPassword", Kind = ValueKind.String, Secret = true, DefaultText = "none",
        Description = "The password of auth.ldap.bindUser, required with auth.type ldap: pulumi config set --secret superset:ldapBindPassword <password>.",
        InertWhen = Applies.WithLdap,
    };

    private static ConfigKey Url(string field, string description) =>
        Define.Text($"auth.providers.<name>.{field}", Patterns.HttpsUrl, description, "an https:// URL", null) with { MaxLength = 2048, DefaultText = "the provider's" };
}
