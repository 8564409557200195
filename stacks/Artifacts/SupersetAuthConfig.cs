using System.Globalization;
using System.Text;
using Superset.Catalog;
using Superset.Configuration;
using Superset.Planning;

namespace Superset.Artifacts;

/// <summary>
/// The sign-in part of <c>superset_config.py</c> (<c>superset:auth</c>): Flask-AppBuilder's AUTH_* keys,
/// OAUTH_PROVIDERS in the shape FAB passes each entry's <c>remote_app</c> to Authlib
/// (<c>self.oauth.register(provider_name, **_provider["remote_app"])</c>, dpgaspar/Flask-AppBuilder
/// flask_appbuilder/security/manager.py@v4.6.0), the AUTH_LDAP_* keys FAB's <c>auth_user_ldap</c> reads.
/// Every secret is read from the environment (<see cref="SupersetEnv"/>), never written here.
/// </summary>
public static class SupersetAuthConfig
{
    /// <summary>Appends the section (AUTH_TYPE = AUTH_DB for the default, database sign-in).</summary>
    public static void Append(StringBuilder b, StackPlan plan)
    {
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(plan);
        var auth = plan.Custom.Auth;
        b.AppendLine();
        b.AppendLine("# Sign-in (superset:auth). Secrets come from the environment, filled from the credentials Secret.");
        // The constant's value, not an import of flask_appbuilder: a worker's probe loads this file without
        // Superset (CeleryCommands.ControlScript), and the value is pinned by the catalog.
        var type = auth.Type switch { AuthType.OAuth => "AUTH_OAUTH", AuthType.Ldap => "AUTH_LDAP", _ => "AUTH_DB" };
        b.AppendLine(CultureInfo.InvariantCulture, $"AUTH_TYPE = {FlaskAppBuilder.AuthTypes[type]}  # {type} (flask_appbuilder/const.py@{FlaskAppBuilder.Tag})");
        if (auth.Type == AuthType.Database)
        {
            return;
        }

        b.AppendLine(CultureInfo.InvariantCulture, $"AUTH_USER_REGISTRATION = {SupersetConfigPy.PythonBool(auth.UserRegistration)}");
        b.AppendLine(CultureInfo.InvariantCulture, $"AUTH_USER_REGISTRATION_ROLE = {Str(auth.RegistrationRole)}");
        b.AppendLine(CultureInfo.InvariantCulture,
            $"AUTH_ROLES_MAPPING = {{{string.Join(", ", auth.RoleMapping.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{Str(m.Key)}: [{string.Join(", ", m.Value.Select(Str))}]"))}}}");
        b.AppendLine(CultureInfo.InvariantCulture, $"AUTH_ROLES_SYNC_AT_LOGIN = {SupersetConfigPy.PythonBool(auth.RoleSyncAtLogin)}");
        if (auth.Type == AuthType.OAuth)
        {
            OAuth(b, auth);
        }
        else
        {
            Ldap(b, auth.Ldap!);
        }
    }

    /// <summary>The <c>remote_app</c> of a provider: what Authlib's <c>register</c> receives.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> RemoteApp(OAuthProviderSettings p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var e = Endpoints(p);
        var scopes = p.Scopes.Count > 0 ? p.Scopes : e.DefaultScopes;
        var kwargs = new List<string> { $"\"scope\": {Str(string.Join(" ", scopes))}" };
        if (p.Name == "azure")
        {
            // docs/security.rst@v4.6.0: the application as resource; FAB verifies the id token's signature only when asked.
            kwargs.Add($"\"resource\": {Str(p.ClientId)}");
            kwargs.Add("\"verify_signature\": True");
        }

        var app = new List<KeyValuePair<string, string>>
        {
            new("client_id", Str(p.ClientId)),
            new("client_secret", $"os.environ[\"{SupersetEnv.OAuthClientSecret(p.Name)}\"]"),
            new("client_kwargs", $"{{{string.Join(", ", kwargs)}}}"),
        };
        foreach (var (key, value) in new[] { ("api_base_url", p.ApiBaseUrl ?? e.ApiBaseUrl), ("access_token_url", p.AccessTokenUrl ?? e.AccessTokenUrl),
            ("authorize_url", p.AuthorizeUrl ?? e.AuthorizeUrl), ("server_metadata_url", p.ServerMetadataUrl ?? e.ServerMetadataUrl) })
        {
            if (value is not null)
            {
                app.Add(new(key, Str(value)));
            }
        }

        if (p.Name == "google" && p.Domain is { } hd)
        {
            // Google's hosted-domain hint (the chart's example: authorize_params hd).
            app.Add(new("authorize_params", $"{{\"hd\": {Str(hd)}}}"));
        }

        return app;
    }

    /// <summary>The provider's endpoints from the catalog (stacks/Catalog/OAuthProviders.cs).</summary>
    public static OAuthEndpoints Endpoints(OAuthProviderSettings p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return p.Name switch
        {
            "google" => OAuthProviders.Google,
            "github" => OAuthProviders.GitHub,
            "azure" => OAuthProviders.Azure(p.TenantId ?? "common"),
            "okta" => OAuthProviders.Okta(p.Domain ?? ""),
            "keycloak" => OAuthProviders.Keycloak(p.ServerMetadataUrl![..^"/.well-known/openid-configuration".Length]),
            _ => OAuthProviders.Generic(p.ServerMetadataUrl!),
        };
    }

    private static void OAuth(StringBuilder b, AuthSettings auth)
    {
        b.AppendLine("OAUTH_PROVIDERS = [");
        foreach (var p in auth.Providers)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"    {{\"name\": {Str(p.Name)}, \"icon\": {Str(Icon(p.Name))}, \"token_key\": \"access_token\", \"remote_app\": {{");
            foreach (var (key, value) in RemoteApp(p))
            {
                b.AppendLine(CultureInfo.InvariantCulture, $"        {Str(key)}: {value},");
            }

            b.AppendLine("    }},");
        }

        b.AppendLine("]");
        if (auth.Providers.Any(p => p.Name == "generic"))
        {
            // Flask-AppBuilder reads user info only for the providers it knows (manager.py@v4.6.0 get_oauth_user_info
            // raises OAuthProviderUnknown otherwise); the generic provider's come from its OpenID userinfo endpoint
            // (Authlib: the client's userinfo() reads server metadata's userinfo_endpoint).
            // Only when Superset loads this file (superset/config.py imports it): a worker's probe loads it alone.
            b.AppendLine("import sys as _sys  # noqa: E402");
            b.AppendLine("if \"superset.config\" in _sys.modules:");
            b.AppendLine("    from superset.security import SupersetSecurityManager");
            b.AppendLine();
            b.AppendLine("    class _OidcSecurityManager(SupersetSecurityManager):");
            b.AppendLine("        def get_oauth_user_info(self, provider, resp=None):");
            b.AppendLine("            if provider != \"generic\":");
            b.AppendLine("                return super().get_oauth_user_info(provider, resp)");
            b.AppendLine("            me = self.appbuilder.sm.oauth_remotes[provider].userinfo()");
            b.AppendLine("            return {\"username\": me.get(\"preferred_username\") or me[\"sub\"], \"first_name\": me.get(\"given_name\", \"\"),");
            b.AppendLine("                    \"last_name\": me.get(\"family_name\", \"\"), \"email\": me.get(\"email\", \"\"), \"role_keys\": me.get(\"groups\", [])}");
            b.AppendLine();
            b.AppendLine("    CUSTOM_SECURITY_MANAGER = _OidcSecurityManager");
        }
    }

    private static void Ldap(StringBuilder b, LdapSettings l)
    {
        b.AppendLine(CultureInfo.InvariantCulture, $"AUTH_LDAP_SERVER = {Str(l.Server)}");
        b.AppendLine(CultureInfo.InvariantCulture, $"AUTH_LDAP_USE_TLS = {SupersetConfigPy.PythonBool(l.StartTls)}");
        b.AppendLine("AUTH_LDAP_TLS_DEMAND = True  # the server's certificate is verified");
        if (l.CaCertFile is { } ca)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"AUTH_LDAP_TLS_CACERTFILE = {Str(ca)}");
        }

        b.AppendLine(CultureInfo.InvariantCulture, $"AUTH_LDAP_BIND_USER = {Str(l.BindUser)}");
        b.AppendLine(CultureInfo.InvariantCulture, $"AUTH_LDAP_BIND_PASSWORD = os.environ[\"{SupersetEnv.LdapBindPassword}\"]");
        b.AppendLine(CultureInfo.InvariantCulture, $"AUTH_LDAP_SEARCH = {Str(l.SearchBase)}");
        if (l.SearchFilter is { } filter)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"AUTH_LDAP_SEARCH_FILTER = {Str(filter)}");
        }

        b.AppendLine(CultureInfo.InvariantCulture, $"AUTH_LDAP_UID_FIELD = {Str(l.UidField)}");
        b.AppendLine(CultureInfo.InvariantCulture, $"AUTH_LDAP_GROUP_FIELD = {Str(l.GroupField)}");
    }

    private static string Icon(string provider) => provider switch
    {
        "google" => "fa-google", "github" => "fa-github", "azure" => "fa-windows", "keycloak" => "fa-key", _ => "fa-circle-o",
    };

    /// <summary>A Python string literal of any text (JSON's escaping is valid Python).</summary>
    public static string Str(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
