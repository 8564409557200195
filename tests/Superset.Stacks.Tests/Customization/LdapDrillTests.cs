using System.Diagnostics;
using System.Text.Json;
using Superset.Artifacts;
using Xunit;

namespace Superset.Stacks.Tests.Customization;

/// <summary>
/// The slapd drill: a real OpenLDAP server (Debian's slapd) with a test directory behind TLS, and the
/// generated superset_config.py's AUTH_LDAP_* settings driving Flask-AppBuilder's LDAP sign-in
/// (tests/drills/ldap/fab_ldap_login.py, FAB's auth_user_ldap step by step with python-ldap).
/// A user signs in with the roles the mapping gives, a wrong password and an unknown user do not.
/// </summary>
public sealed class LdapDrillTests : IDisposable
{
    private const string Base = "dc=example,dc=org";
    private readonly string dir = Directory.CreateTempSubdirectory("slapd-drill-").FullName;
    private readonly Process slapd;
    private readonly int ldaps = Tools.FreePort();
    private readonly int plain = Tools.FreePort();

    public LdapDrillTests()
    {
        // A CA and a server certificate it signs for 127.0.0.1 (libldap checks "localhost" against the machine's own
        // hostname): the drill's TLS is verified (AUTH_LDAP_TLS_DEMAND).
        Tools.Require("openssl", "openssl");
        File.WriteAllText(Path.Combine(dir, "san.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
        var (code, _, err) = Tools.Run("/bin/sh", ["-ec", """
            openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 1 -subj /CN=drill-ca
            openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj /CN=localhost
            openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 1 -extfile san.ext
            """, "sh"], workingDirectory: dir);
        Assert.True(code == 0, err);

        Directory.CreateDirectory(Path.Combine(dir, "db"));
        File.WriteAllText(Path.Combine(dir, "slapd.conf"), $"""
            include /etc/ldap/schema/core.schema
            include /etc/ldap/schema/cosine.schema
            include /etc/ldap/schema/inetorgperson.schema
            modulepath /usr/lib/ldap
            moduleload back_mdb
            moduleload memberof
            pidfile {dir}/slapd.pid
            TLSCACertificateFile {dir}/ca.pem
            TLSCertificateFile {dir}/server.pem
            TLSCertificateKeyFile {dir}/server.key
            database mdb
            suffix "{Base}"
            rootdn "cn=admin,{Base}"
            rootpw admin-pw
            directory {dir}/db
            overlay memberof
            access to attrs=userPassword by anonymous auth by self read by * none
            access to * by users read by * none

            """);
        var psi = new ProcessStartInfo(Tools.Require("/usr/sbin/slapd", "slapd"))
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        // -d keeps slapd in the foreground (a child of this test, ended by Dispose).
        foreach (var a in new[] { "-f", Path.Combine(dir, "slapd.conf"), "-h", $"ldaps://127.0.0.1:{ldaps}/ ldap://127.0.0.1:{plain}/", "-d", "0" })
        {
            psi.ArgumentList.Add(a);
        }

        slapd = Process.Start(psi)!;
        Load();
    }

    /// <summary>The test directory: the bind account, two people, the admins group (memberOf by the overlay).</summary>
    private void Load()
    {
        var ldif = Path.Combine(dir, "data.ldif");
        File.WriteAllText(ldif, $"""
            dn: {Base}
            objectClass: dcObject
            objectClass: organization
            o: Example
            dc: example

            dn: ou=people,{Base}
            objectClass: organizationalUnit
            ou: people

            dn: ou=services,{Base}
            objectClass: organizationalUnit
            ou: services

            dn: ou=groups,{Base}
            objectClass: organizationalUnit
            ou: groups

            dn: cn=superset,ou=services,{Base}
            objectClass: inetOrgPerson
            cn: superset
            sn: superset
            userPassword: {ConfigExec.Secrets[SupersetEnv.LdapBindPassword]}

            dn: uid=ada,ou=people,{Base}
            objectClass: inetOrgPerson
            uid: ada
            cn: Ada Lovelace
            givenName: Ada
            sn: Lovelace
            mail: ada@example.org
            userPassword: ada-pw

            dn: uid=bob,ou=people,{Base}
            objectClass: inetOrgPerson
            uid: bob
            cn: Bob Analyst
            sn: Analyst
            userPassword: bob-pw

            dn: cn=bi-admins,ou=groups,{Base}
            objectClass: groupOfNames
            cn: bi-admins
            member: uid=ada,ou=people,{Base}

            """);
        var ldapadd = Tools.Require("ldapadd", "ldap-utils");
        var (code, err) = (1, "");
        for (var i = 0; i < 50 && code != 0; i++)
        {
            Thread.Sleep(100); // slapd listens within a few hundred milliseconds
            (code, _, err) = Tools.Run(ldapadd, ["-x", "-H", $"ldap://127.0.0.1:{plain}", "-D", $"cn=admin,{Base}", "-w", "admin-pw", "-f", ldif]);
        }

        Assert.True(code == 0, $"ldapadd: {err}");
    }

    private string Stack(string server, bool startTls) => $"""
        config:
          superset:auth:
            type: ldap
            userRegistration: true
            registrationRole: Gamma
            roleMapping:
              cn=bi-admins,ou=groups,{Base}: [Admin]
            ldap:
              server: {server}
              startTls: {(startTls ? "true" : "false")}
              bindUser: cn=superset,ou=services,{Base}
              searchBase: ou=people,{Base}
              caCertFile: {dir}/ca.pem
          superset:ldapBindPassword:
            secure: AAAA
        """;

    private JsonElement SignIn(string yaml, params string[] attempts) =>
        ConfigExec.Run(PlannerTests.PlanOf(yaml),
            File.ReadAllText(Path.Combine(PlannerTests.RepoRoot(), "tests", "drills", "ldap", "fab_ldap_login.py")),
            env: new Dictionary<string, string> { ["DRILL_ATTEMPTS"] = string.Join("\n", attempts) });

    [Fact]
    public void Over_ldaps_a_user_signs_in_with_the_mapped_roles_and_a_wrong_password_or_unknown_user_does_not()
    {
        var r = SignIn(Stack($"ldaps://127.0.0.1:{ldaps}", startTls: false), "ada:ada-pw", "ada:wrong", "bob:bob-pw", "eve:ada-pw");
        var ada = r.GetProperty("ada:ada-pw");
        Assert.Equal($"uid=ada,ou=people,{Base}", ada.GetProperty("dn").GetString());
        Assert.Equal(["Admin", "Gamma"], ada.GetProperty("roles").EnumerateArray().Select(x => x.GetString()!));
        Assert.Equal("Ada", ada.GetProperty("first_name").GetString());
        Assert.Equal("ada@example.org", ada.GetProperty("email").GetString());
        Assert.Equal(JsonValueKind.Null, r.GetProperty("ada:wrong").ValueKind);
        Assert.Equal(["Gamma"], r.GetProperty("bob:bob-pw").GetProperty("roles").EnumerateArray().Select(x => x.GetString()!));
        Assert.Equal(JsonValueKind.Null, r.GetProperty("eve:ada-pw").ValueKind);
    }

    [Fact]
    public void Over_ldap_with_starttls_the_same_sign_in_works()
    {
        var r = SignIn(Stack($"ldap://127.0.0.1:{plain}", startTls: true), "ada:ada-pw", "ada:wrong");
        Assert.Equal(["Admin", "Gamma"], r.GetProperty("ada:ada-pw").GetProperty("roles").EnumerateArray().Select(x => x.GetString()!));
        Assert.Equal(JsonValueKind.Null, r.GetProperty("ada:wrong").ValueKind);
    }

    public void Dispose()
    {
        if (!slapd.HasExited)
        {
            slapd.Kill(entireProcessTree: true);
            slapd.WaitForExit(5000);
        }

        slapd.Dispose();
        Directory.Delete(dir, recursive: true);
    }
}
