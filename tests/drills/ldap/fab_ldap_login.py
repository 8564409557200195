# Flask-AppBuilder's LDAP sign-in, step by step as BaseSecurityManager.auth_user_ldap does it
# (dpgaspar/Flask-AppBuilder flask_appbuilder/security/manager.py@v4.6.0: auth_user_ldap,
# _ldap_bind_indirect, _search_ldap, _ldap_bind, _ldap_calculate_user_roles, ldap_extract), with the
# AUTH_* settings of the generated superset_config.py (module `c`) and python-ldap, the library FAB
# imports. Run by ConfigExec after `import superset_config as c`; prints one JSON object: for each
# attempt of DRILL_ATTEMPTS ("user:password" lines), the user FAB would sign in or null.
# What stands in for FAB's database: no user exists yet (find_user returns None), so registration
# decides (manager.py: "If user is not registered, and not self-registration, go away").
import ldap

def setting(name, default=None):
    return getattr(c, name, default)

def ldap_extract(attrs, field, fallback):
    return attrs.get(field, [bytes()])[0].decode("utf-8") or fallback

def ldap_extract_list(attrs, field):
    return [x.decode("utf-8") for x in attrs.get(field, []) if x.decode("utf-8")]

def auth_user_ldap(username, password):
    if not username:
        return None
    if not setting("AUTH_USER_REGISTRATION", False):
        return None
    # LDAP certificate settings (FAB sets these process-wide, then a new TLS context).
    if setting("AUTH_LDAP_TLS_CACERTFILE"):
        ldap.set_option(ldap.OPT_X_TLS_CACERTFILE, c.AUTH_LDAP_TLS_CACERTFILE)
    if setting("AUTH_LDAP_ALLOW_SELF_SIGNED", False):
        ldap.set_option(ldap.OPT_X_TLS_REQUIRE_CERT, ldap.OPT_X_TLS_ALLOW)
        ldap.set_option(ldap.OPT_X_TLS_NEWCTX, 0)
    elif setting("AUTH_LDAP_TLS_DEMAND", False):
        ldap.set_option(ldap.OPT_X_TLS_REQUIRE_CERT, ldap.OPT_X_TLS_DEMAND)
        ldap.set_option(ldap.OPT_X_TLS_NEWCTX, 0)
    con = ldap.initialize(c.AUTH_LDAP_SERVER)
    con.set_option(ldap.OPT_REFERRALS, 0)
    if setting("AUTH_LDAP_USE_TLS", False):
        con.start_tls_s()  # FAB logs and returns None on failure; here the drill fails loudly
    # Flow 1 (indirect search bind): the generated config always names a bind user.
    con.simple_bind_s(c.AUTH_LDAP_BIND_USER, c.AUTH_LDAP_BIND_PASSWORD)
    uid = setting("AUTH_LDAP_UID_FIELD", "uid")
    search_filter = setting("AUTH_LDAP_SEARCH_FILTER", "")
    filter_str = "(&{0}({1}={2}))".format(search_filter, uid, username) if search_filter else "({0}={1})".format(uid, username)
    fields = [setting("AUTH_LDAP_FIRSTNAME_FIELD", "givenName"), setting("AUTH_LDAP_LASTNAME_FIELD", "sn"), setting("AUTH_LDAP_EMAIL_FIELD", "mail")]
    mapping = setting("AUTH_ROLES_MAPPING", {})
    group_field = setting("AUTH_LDAP_GROUP_FIELD", "memberOf")
    if len(mapping) > 0:
        fields.append(group_field)
    found = [(dn, attrs) for dn, attrs in con.search_s(c.AUTH_LDAP_SEARCH, ldap.SCOPE_SUBTREE, filter_str, fields)
             if dn is not None and isinstance(attrs, dict)]
    if len(found) != 1:
        return None
    user_dn, attrs = found[0]
    try:
        con.simple_bind_s(user_dn, password)
    except ldap.INVALID_CREDENTIALS:
        return None
    roles = set()
    for key in ldap_extract_list(attrs, group_field):
        roles.update(mapping.get(key, []))
    roles.add(c.AUTH_USER_REGISTRATION_ROLE)
    return {"username": username, "dn": user_dn, "roles": sorted(roles),
            "first_name": ldap_extract(attrs, fields[0], ""), "last_name": ldap_extract(attrs, fields[1], ""),
            "email": ldap_extract(attrs, fields[2], f"{username}@email.notfound")}

attempts = [line.split(":", 1) for line in os.environ["DRILL_ATTEMPTS"].splitlines() if line]
print(json.dumps({f"{u}:{p}": auth_user_ldap(u, p) for u, p in attempts}))
