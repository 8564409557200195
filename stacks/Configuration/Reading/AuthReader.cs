using Superset.Catalog;
using Superset.Configuration.Keys;

namespace Superset.Configuration.Reading;

/// <summary>
/// Reads <c>superset:auth</c>. Each type gets what it needs or a refusal naming the key: OAuth a
/// provider, each provider its client id, endpoints and client secret; LDAP a server reached over TLS,
/// a bind user with its password, a search base.
/// </summary>
internal static class AuthReader
{
    public static AuthSettings Read(ObjectReader r, IConfigSource source, List<SettingsError> errors)
    {
        var type = r.String(AuthKeys.Type, "database") switch { "oauth" => AuthType.OAuth, "ldap" => AuthType.Ldap, _ => AuthType.Database };
        var entries = r.ObjectMap(AuthKeys.Providers);
        var providers = entries.Select(p => Provider(p.Name, p.Reader, source, type == AuthType.OAuth ? errors : [])).OfType<OAuthProviderSettings>().ToList();
        var ldap = r.Has(AuthKeys.Ldap) || type == AuthType.Ldap ? Ldap(r.Child(AuthKeys.Ldap), source, type, errors) : null;
        var result = new AuthSettings
        {
            Type = type,
            Providers = providers,
            ProviderNames = entries.Select(e => e.Name).ToList(),
            Ldap = type == AuthType.Ldap ? ldap : null,
            UserRegistration = r.Bool(AuthKeys.UserRegistration, false),
            RegistrationRole = r.String(AuthKeys.RegistrationRole, AuthSettings.Database.RegistrationRole),
            RoleMapping = r.ScalarMap(AuthKeys.RoleMapping).ToDictionary(e => e.Key, e => (IReadOnlyList<string>)e.Value, StringComparer.Ordinal),
            RoleSyncAtLogin = r.Bool(AuthKeys.RoleSyncAtLogin, false),
        };
        r.RejectUnknown();
        if (type == AuthType.OAuth && providers.Count == 0 && !r.Has(AuthKeys.Providers))
        {
            errors.Add(new SettingsError(r.KeyOf(AuthKeys.Providers), "(missing)", $"at least one OAuth provider ({string.Join(", ", OAuthProviders.Names)}) with auth.type oauth"));
        }

        if (type == AuthType.OAuth && result.RoleMapping.Count > 0 && providers.Count > 0 && providers.All(p => !CarriesGroups(p.Name)))
        {
            errors.Add(new SettingsError(r.KeyOf(AuthKeys.RoleMapping), "(set)",
                $"remove it, or add a provider whose user info carries groups (azure, okta, keycloak, generic): Flask-AppBuilder reads no groups from {string.Join(" or ", providers.Select(p => p.Name))} (flask_appbuilder/security/manager.py@{FlaskAppBuilder.Tag} get_oauth_user_info), so no role would ever be mapped"));
        }

        if (result.RoleSyncAtLogin && result.RoleMapping.Count == 0)
        {
            errors.Add(new SettingsError(r.KeyOf(AuthKeys.RoleSyncAtLogin), "true",
                "false, or set auth.roleMapping: syncing roles at sign-in without a mapping would take every role (Admin included) from every user who signs in"));
        }

        return result;
    }

    /// <summary>Whether the provider's user info carries role keys (groups or roles) for AUTH_ROLES_MAPPING.</summary>
    public static bool CarriesGroups(string provider) =>
        provider == "generic" || (FlaskAppBuilder.UserInfoRoleKeys.TryGetValue(provider, out var groups) && groups);

    private static OAuthProviderSettings? Provider(string name, ObjectReader p, IConfigSource source, List<SettingsError> errors)
    {
        var f = AuthKeys.ProviderFields.ToDictionary(k => k.Field, StringComparer.Ordinal);
        var provider = new OAuthProviderSettings
        {
            Name = name,
            ClientId = p.NullableString(f["clientId"]) ?? "",
            Scopes = p.StringList(f["scopes"]),
            ApiBaseUrl = p.NullableString(f["apiBaseUrl"]),
            AccessTokenUrl = p.NullableString(f["accessTokenUrl"]),
            AuthorizeUrl = p.NullableString(f["authorizeUrl"]),
            ServerMetadataUrl = p.NullableString(f["serverMetadataUrl"]),
            TenantId = p.NullableString(f["tenantId"]),
            Domain = p.NullableString(f["domain"]),
        };
        p.RejectUnknown();
        var before = errors.Count;
        if (provider.ClientId.Length == 0 && !p.Has(f["clientId"]))
        {
            errors.Add(new SettingsError(p.KeyOf(f["clientId"]), "(missing)", $"the client id {name} issued to Superset"));
        }

        var endpoints = provider is { ApiBaseUrl: not null, AccessTokenUrl: not null, AuthorizeUrl: not null };
        string? missing = name switch
        {
            "azure" when provider.TenantId is null && !endpoints => "tenantId",
            "okta" when provider.Domain is null && !endpoints && provider.ServerMetadataUrl is null => "domain",
            "keycloak" when provider.ServerMetadataUrl is null => "serverMetadataUrl",
            "generic" when provider.ServerMetadataUrl is null => "serverMetadataUrl",
            _ => null,
        };
        if (missing is not null)
        {
            errors.Add(new SettingsError(p.KeyOf(f[missing]), "(missing)", missing switch
            {
                "tenantId" => "the Azure tenant (or apiBaseUrl, accessTokenUrl and authorizeUrl)",
                "domain" => "the Okta domain, e.g. example.okta.com (or serverMetadataUrl)",
                _ => name == "keycloak" ? "the realm's discovery URL: https://<host>/realms/<realm>/.well-known/openid-configuration" : "the provider's OpenID Connect discovery URL (…/.well-known/openid-configuration)",
            }));
        }

        if (name == "keycloak" && provider.ServerMetadataUrl is { } url && KeycloakRealm(url) is null)
        {
            errors.Add(new SettingsError(p.KeyOf(f["serverMetadataUrl"]), url, "a Keycloak realm's discovery URL: https://<host>/realms/<realm>/.well-known/openid-configuration"));
        }

        var secretKey = AuthKeys.ClientSecretKey(name);
        if (source.Keys is { } keys && !keys.Contains(secretKey))
        {
            errors.Add(new SettingsError($"{StackFile.Namespace}:{secretKey}", "(missing)",
                $"the client secret of {name}, as a secret: pulumi config set --secret {StackFile.Namespace}:{secretKey} <secret>"));
        }

        return errors.Count == before ? provider : null;
    }

    /// <summary>The realm's base URL of a Keycloak discovery URL, or null.</summary>
    public static string? KeycloakRealm(string serverMetadataUrl)
    {
        ArgumentNullException.ThrowIfNull(serverMetadataUrl);
        const string suffix = "/.well-known/openid-configuration";
        return serverMetadataUrl.EndsWith(suffix, StringComparison.Ordinal) && serverMetadataUrl.Contains("/realms/", StringComparison.Ordinal)
            && !serverMetadataUrl[..^suffix.Length].EndsWith("/realms", StringComparison.Ordinal)
            ? serverMetadataUrl[..^suffix.Length]
            : null;
    }

    private static LdapSettings? Ldap(ObjectReader l, IConfigSource source, AuthType type, List<SettingsError> errors)
    {
        var f = AuthKeys.LdapFields.ToDictionary(k => k.Field, StringComparer.Ordinal);
        var server = l.NullableString(f["server"]);
        var startTls = l.Bool(f["startTls"], false);
        var bindUser = l.NullableString(f["bindUser"]);
        var searchBase = l.NullableString(f["searchBase"]);
        var result = new LdapSettings(server ?? "", startTls, bindUser ?? "", searchBase ?? "", l.NullableString(f["searchFilter"]),
            l.String(f["uidField"], FlaskAppBuilder.LdapUidField), l.String(f["groupField"], FlaskAppBuilder.LdapGroupField), l.NullableString(f["caCertFile"]));
        l.RejectUnknown();
        if (type != AuthType.Ldap)
        {
            return null;
        }

        var before = errors.Count;
        foreach (var (field, value, what) in new[] { ("server", server, "the directory's URL: ldaps://host[:port], or ldap://host[:port] with startTls: true"),
            ("bindUser", bindUser, "the DN Superset searches the directory as"), ("searchBase", searchBase, "the DN users are searched under") })
        {
            if (value is null && !l.Has(f[field]))
            {
                errors.Add(new SettingsError(l.KeyOf(f[field]), "(missing)", what));
            }
        }

        if (server is not null && server.StartsWith("ldap://", StringComparison.Ordinal) && !startTls)
        {
            errors.Add(new SettingsError(l.KeyOf(f["startTls"]), "false",
                $"true with {server}, or an ldaps:// server: a plain ldap:// connection would carry every user's password in clear"));
        }

        if (server is not null && server.StartsWith("ldaps://", StringComparison.Ordinal) && startTls)
        {
            errors.Add(new SettingsError(l.KeyOf(f["startTls"]), "true", $"false with {server}: ldaps:// is TLS from the first byte, StartTLS is for ldap://"));
        }

        if (source.Keys is { } keys && !keys.Contains(AuthKeys.LdapBindPassword.Path))
        {
            errors.Add(new SettingsError($"{StackFile.Namespace}:{AuthKeys.LdapBindPassword.Path}", "(missing)",
                $"the password of {bindUser ?? "auth.ldap.bindUser"}, as a secret: pulumi config set --secret {StackFile.Namespace}:{AuthKeys.LdapBindPassword.Path} <password>"));
        }

        return errors.Count == before ? result : null;
    }
}
