using Superset.Artifacts;
using Superset.Configuration;
using Xunit;

namespace Superset.Stacks.Tests.Customization;

/// <summary>
/// superset:auth: the generated AUTH_* keys as Superset reads them, every OAuth provider registered in a
/// real Authlib exactly as Flask-AppBuilder registers it, every refusal by key.
/// </summary>
public sealed class AuthTests
{
    /// <summary>Every OAuth provider the program knows, with a role mapping.</summary>
    internal const string Oauth = """
        config:
          superset:auth:
            type: oauth
            userRegistration: true
            registrationRole: Gamma
            roleSyncAtLogin: true
            roleMapping:
              bi-admins: [Admin]
              analysts: [Alpha, sql_lab]
            providers:
              google:
                clientId: google-client.apps.googleusercontent.com
                domain: example.com
              github:
                clientId: gh-client
              azure:
                clientId: 00000000-1111-2222-3333-444444444444
                tenantId: contoso.onmicrosoft.com
              okta:
                clientId: okta-client
                domain: example.okta.com
              keycloak:
                clientId: superset
                serverMetadataUrl: https://sso.example.com/realms/bi/.well-known/openid-configuration
              generic:
                clientId: superset
                serverMetadataUrl: https://login.example.com/.well-known/openid-configuration
                scopes: [openid, email, profile, groups]
          superset:oauthGoogleClientSecret:
            secure: AAAA
          superset:oauthGithubClientSecret:
            secure: AAAA
          superset:oauthAzureClientSecret:
            secure: AAAA
          superset:oauthOktaClientSecret:
            secure: AAAA
          superset:oauthKeycloakClientSecret:
            secure: AAAA
          superset:oauthGenericClientSecret:
            secure: AAAA
        """;

    private const string Ldap = """
        config:
          superset:auth:
            type: ldap
            userRegistration: true
            roleMapping:
              cn=bi-admins,ou=groups,dc=example,dc=org: [Admin]
            ldap:
              server: ldaps://ldap.example.org
              bindUser: cn=superset,ou=services,dc=example,dc=org
              searchBase: ou=people,dc=example,dc=org
              caCertFile: /etc/ssl/ldap-ca.pem
          superset:ldapBindPassword:
            secure: AAAA
        """;

    // Registers every provider of OAUTH_PROVIDERS in Authlib's Flask client the way Flask-AppBuilder does
    // (flask_appbuilder/security/manager.py@v4.6.0: self.oauth.register(provider_name, **_provider["remote_app"])).
    private const string AuthlibProbe = """
        from flask import Flask
        from authlib.integrations.flask_client import OAuth
        app = Flask("probe")
        app.secret_key = "probe"
        oauth = OAuth(app)
        out = {"auth_type": c.AUTH_TYPE, "registration": c.AUTH_USER_REGISTRATION, "role": c.AUTH_USER_REGISTRATION_ROLE,
               "mapping": c.AUTH_ROLES_MAPPING, "sync": c.AUTH_ROLES_SYNC_AT_LOGIN, "providers": {},
               "sm": getattr(c, "CUSTOM_SECURITY_MANAGER", None).__name__ if hasattr(c, "CUSTOM_SECURITY_MANAGER") else None}
        for p in c.OAUTH_PROVIDERS:
            client = oauth.register(p["name"], **p["remote_app"])
            entry = {"client_id": client.client_id, "client_secret": client.client_secret, "api_base_url": client.api_base_url,
                     "access_token_url": client.access_token_url, "authorize_url": client.authorize_url,
                     "server_metadata_url": client._server_metadata_url, "scope": client.client_kwargs.get("scope"),
                     "token_key": p["token_key"]}
            # Only where no discovery document is named: Authlib would fetch it, and a test reaches no network.
            if client.authorize_url and not client._server_metadata_url:
                with app.test_request_context():
                    rv = client.create_authorization_url("https://bi.example.com/oauth-authorized/" + p["name"])
                    entry["authorization_url"] = rv["url"]
            out["providers"][p["name"]] = entry
        print(json.dumps(out))
        """;

    [Fact]
    public void Every_provider_registers_in_authlib_as_flask_appbuilder_registers_it()
    {
        var plan = PlannerTests.PlanOf(Oauth);
        var c = ConfigExec.Run(plan, AuthlibProbe);
        Assert.Equal(4, c.GetProperty("auth_type").GetInt32()); // AUTH_OAUTH (flask_appbuilder/const.py@v4.6.0)
        Assert.True(c.GetProperty("registration").GetBoolean());
        Assert.Equal("Gamma", c.GetProperty("role").GetString());
        Assert.True(c.GetProperty("sync").GetBoolean());
        Assert.Equal(["Alpha", "sql_lab"], c.GetProperty("mapping").GetProperty("analysts").EnumerateArray().Select(x => x.GetString()!));

        var p = c.GetProperty("providers");
        Assert.Equal(["google", "github", "azure", "okta", "keycloak", "generic"], p.EnumerateObject().Select(x => x.Name));
        foreach (var provider in p.EnumerateObject())
        {
            // The client secret is read from the pod's environment, never written in the file.
            Assert.Equal(ConfigExec.Secrets[SupersetEnv.OAuthClientSecret(provider.Name)], provider.Value.GetProperty("client_secret").GetString());
            Assert.Equal("access_token", provider.Value.GetProperty("token_key").GetString());
        }

        var google = p.GetProperty("google");
        Assert.StartsWith("https://accounts.google.com/o/oauth2/auth?response_type=code&client_id=google-client.apps.googleusercontent.com", google.GetProperty("authorization_url").GetString(), StringComparison.Ordinal);
        Assert.Contains("hd=example.com", google.GetProperty("authorization_url").GetString(), StringComparison.Ordinal);
        Assert.Equal("https://www.googleapis.com/oauth2/v2/", google.GetProperty("api_base_url").GetString());
        Assert.Equal("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/token", p.GetProperty("azure").GetProperty("access_token_url").GetString());
        Assert.Equal("https://example.okta.com/.well-known/openid-configuration", p.GetProperty("okta").GetProperty("server_metadata_url").GetString());
        // FAB reads Keycloak's user info at api_base_url + "openid-connect/userinfo".
        Assert.Equal("https://sso.example.com/realms/bi/protocol/", p.GetProperty("keycloak").GetProperty("api_base_url").GetString());
        Assert.Equal("openid email profile groups", p.GetProperty("generic").GetProperty("scope").GetString());
        Assert.Equal("_OidcSecurityManager", c.GetProperty("sm").GetString());
    }

    [Fact]
    public void No_secret_is_in_the_file()
    {
        var text = ConfigExec.Text(Oauth);
        Assert.DoesNotContain("SECRET-", text, StringComparison.Ordinal);
        Assert.DoesNotContain("AAAA", text, StringComparison.Ordinal);
        Assert.Contains($"os.environ[\"{SupersetEnv.OAuthClientSecret("google")}\"]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_worker_s_probe_loads_the_file_without_superset()
    {
        // Without superset.config loading (the probe's case) the generic provider's manager is not defined, and nothing imports Superset.
        var c = ConfigExec.Run(PlannerTests.PlanOf(Oauth), "print(json.dumps({'sm': hasattr(c, 'CUSTOM_SECURITY_MANAGER'), 'superset': 'superset.security' in sys.modules}))", asSuperset: false);
        Assert.False(c.GetProperty("sm").GetBoolean());
        Assert.False(c.GetProperty("superset").GetBoolean());
    }

    [Fact]
    public void The_generic_provider_s_user_info_comes_from_its_userinfo_endpoint_and_the_others_from_flask_appbuilder()
    {
        var c = ConfigExec.Run(PlannerTests.PlanOf(Oauth), """
            class Remote:
                def userinfo(self):
                    return {"sub": "u1", "preferred_username": "ada", "given_name": "Ada", "family_name": "Lovelace", "email": "ada@example.com", "groups": ["analysts"]}
            sm = c.CUSTOM_SECURITY_MANAGER()
            sm.appbuilder = type("AB", (), {"sm": type("SM", (), {"oauth_remotes": {"generic": Remote()}})()})()
            print(json.dumps({"generic": sm.get_oauth_user_info("generic", {}), "google": sm.get_oauth_user_info("google", {})}))
            """);
        var generic = c.GetProperty("generic");
        Assert.Equal("ada", generic.GetProperty("username").GetString());
        Assert.Equal(["analysts"], generic.GetProperty("role_keys").EnumerateArray().Select(x => x.GetString()!));
        Assert.Equal("superset", c.GetProperty("google").GetProperty("from").GetString());
    }

    [Fact]
    public void Ldap_settings_are_what_flask_appbuilder_reads()
    {
        var c = ConfigExec.Run(PlannerTests.PlanOf(Ldap), "print(json.dumps({k: getattr(c, k) for k in dir(c) if k.startswith('AUTH_')}))");
        Assert.Equal(2, c.GetProperty("AUTH_TYPE").GetInt32()); // AUTH_LDAP
        Assert.Equal("ldaps://ldap.example.org", c.GetProperty("AUTH_LDAP_SERVER").GetString());
        Assert.False(c.GetProperty("AUTH_LDAP_USE_TLS").GetBoolean());
        Assert.True(c.GetProperty("AUTH_LDAP_TLS_DEMAND").GetBoolean());
        Assert.Equal(ConfigExec.Secrets[SupersetEnv.LdapBindPassword], c.GetProperty("AUTH_LDAP_BIND_PASSWORD").GetString());
        Assert.Equal("uid", c.GetProperty("AUTH_LDAP_UID_FIELD").GetString());
        Assert.Equal("memberOf", c.GetProperty("AUTH_LDAP_GROUP_FIELD").GetString());
        Assert.Equal("/etc/ssl/ldap-ca.pem", c.GetProperty("AUTH_LDAP_TLS_CACERTFILE").GetString());
    }

    [Fact]
    public void Database_sign_in_is_the_default()
    {
        var c = ConfigExec.Run(PlannerTests.PlanOf("config:\n  superset:tier: small\n"), "print(json.dumps({'t': c.AUTH_TYPE, 'p': hasattr(c, 'OAUTH_PROVIDERS')}))");
        Assert.Equal(1, c.GetProperty("t").GetInt32()); // AUTH_DB
        Assert.False(c.GetProperty("p").GetBoolean());
    }

    [Theory]
    [InlineData("  superset:oauthGoogleClientSecret:\n    secure: AAAA\n", "", "superset:oauthGoogleClientSecret", "pulumi config set --secret superset:oauthGoogleClientSecret")]
    [InlineData("        clientId: okta-client\n", "", "superset:auth.providers.okta.clientId", "client id")]
    [InlineData("        serverMetadataUrl: https://sso.example.com/realms/bi/.well-known/openid-configuration\n", "", "superset:auth.providers.keycloak.serverMetadataUrl", "realm's discovery URL")]
    [InlineData("https://sso.example.com/realms/bi/.well-known", "https://sso.example.com/bi/.well-known", "superset:auth.providers.keycloak.serverMetadataUrl", "realm's discovery URL")]
    [InlineData("        tenantId: contoso.onmicrosoft.com\n", "", "superset:auth.providers.azure.tenantId", "Azure tenant")]
    [InlineData("        serverMetadataUrl: https://login.example.com/.well-known/openid-configuration\n", "", "superset:auth.providers.generic.serverMetadataUrl", "discovery URL")]
    public void A_missing_part_of_a_provider_is_refused_naming_the_exact_key(string from, string to, string key, string expected)
    {
        var yaml = Oauth + "\n";
        Assert.Contains(from, yaml, StringComparison.Ordinal);
        var ex = Assert.Throws<SettingsException>(() => PlannerTests.PlanOf(yaml.Replace(from, to, StringComparison.Ordinal)));
        var e = Assert.Single(ex.Errors);
        Assert.Equal(key, e.Key);
        Assert.Contains(expected, e.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("server: ldaps://ldap.example.org", "server: ldap://ldap.example.org", "superset:auth.ldap.startTls", "in clear")]
    [InlineData("server: ldaps://ldap.example.org", "server: ldaps://ldap.example.org\n      startTls: true", "superset:auth.ldap.startTls", "ldaps://")]
    [InlineData("  superset:ldapBindPassword:\n    secure: AAAA\n", "", "superset:ldapBindPassword", "pulumi config set --secret superset:ldapBindPassword")]
    [InlineData("      searchBase: ou=people,dc=example,dc=org\n", "", "superset:auth.ldap.searchBase", "searched")]
    public void An_ldap_directory_without_tls_or_its_parts_is_refused_by_key(string from, string to, string key, string expected)
    {
        var yaml = Ldap + "\n";
        Assert.Contains(from, yaml, StringComparison.Ordinal);
        var ex = Assert.Throws<SettingsException>(() => PlannerTests.PlanOf(yaml.Replace(from, to, StringComparison.Ordinal)));
        var e = Assert.Single(ex.Errors);
        Assert.Equal(key, e.Key);
        Assert.Contains(expected, e.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void A_role_mapping_no_provider_can_feed_is_refused()
    {
        var yaml = "config:\n  superset:auth:\n    type: oauth\n    roleMapping:\n      admins: [Admin]\n    providers:\n      github:\n        clientId: gh\n  superset:oauthGithubClientSecret:\n    secure: AAAA\n";
        var e = Assert.Single(Assert.Throws<SettingsException>(() => PlannerTests.PlanOf(yaml)).Errors);
        Assert.Equal("superset:auth.roleMapping", e.Key);
        Assert.Contains("reads no groups from github", e.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Auth_keys_of_another_type_are_refused_as_doing_nothing()
    {
        var yaml = "config:\n  superset:auth:\n    providers:\n      github:\n        clientId: gh\n";
        var e = Assert.Single(Assert.Throws<SettingsException>(() => PlannerTests.PlanOf(yaml)).Errors);
        Assert.Equal("superset:auth.providers", e.Key);
        Assert.Contains("auth.type is database", e.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void A_provider_name_the_program_does_not_know_is_refused_with_the_known_ones()
    {
        var yaml = "config:\n  superset:auth:\n    type: oauth\n    providers:\n      gitlab:\n        clientId: x\n";
        var ex = Assert.Throws<SettingsException>(() => PlannerTests.PlanOf(yaml));
        Assert.Contains(ex.Errors, e => e.Key == "superset:auth.providers.gitlab" && e.Expected.Contains("azure, generic, github, google, keycloak, okta", StringComparison.Ordinal));
    }

}
