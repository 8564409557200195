namespace Superset.Catalog;

/// <summary>
/// What Superset's sign-in does, read from Flask-AppBuilder at the version the pinned Superset requires
/// (apache/superset pyproject.toml: flask-appbuilder&gt;=4.6.0,&lt;5.0.0 on the 5.0 line, &gt;=4.8.0 on the
/// 6.0 line; dpgaspar/Flask-AppBuilder flask_appbuilder/security/manager.py@v4.6.0, unchanged in
/// these parts through v4.8.1).
/// </summary>
public static class FlaskAppBuilder
{
    /// <summary>The FAB tag these facts were read at.</summary>
    public const string Tag = "v4.6.0";

    /// <summary>
    /// The auth-type constants superset_config.py imports (flask_appbuilder/const.py@v4.6.0:
    /// AUTH_DB = 1, AUTH_LDAP = 2, AUTH_OAUTH = 4; re-exported by flask_appbuilder.security.manager,
    /// which apache/superset superset/config.py imports AUTH_DB from).
    /// </summary>
    public static IReadOnlyDictionary<string, int> AuthTypes { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["AUTH_DB"] = 1, ["AUTH_LDAP"] = 2, ["AUTH_OAUTH"] = 4,
    };

    /// <summary>
    /// The OAuth providers whose user info <c>BaseSecurityManager.get_oauth_user_info</c> (manager.py@v4.6.0)
    /// reads, and whether it returns <c>role_keys</c> (what AUTH_ROLES_MAPPING maps from): github (no),
    /// google (no), azure (the id token's roles), okta (groups), keycloak (groups). Any other name raises
    /// OAuthProviderUnknown at login unless the security manager reads it (the generic provider).
    /// </summary>
    public static IReadOnlyDictionary<string, bool> UserInfoRoleKeys { get; } = new Dictionary<string, bool>(StringComparer.Ordinal)
    {
        ["github"] = false, ["google"] = false, ["azure"] = true, ["okta"] = true, ["keycloak"] = true,
    };

    /// <summary>
    /// The LDAP defaults FAB sets (manager.py@v4.6.0, <c>if self.auth_type == AUTH_LDAP</c>): the user
    /// id attribute and the group attribute role mapping reads.
    /// </summary>
    public const string LdapUidField = "uid";

    /// <summary>FAB's default AUTH_LDAP_GROUP_FIELD.</summary>
    public const string LdapGroupField = "memberOf";

    /// <summary>The roles <c>superset init</c> creates (apache/superset superset/security/manager.py: Admin, Alpha, Gamma, sql_lab, Public).</summary>
    public static IReadOnlyList<string> BuiltinRoles { get; } = ["Admin", "Alpha", "Gamma", "Public", "sql_lab"];
}
