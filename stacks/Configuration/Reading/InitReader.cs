using Superset.Configuration.Keys;

namespace Superset.Configuration.Reading;

/// <summary>Reads <c>superset:init</c>: the first admin user and example data.</summary>
internal static class InitReader
{
    public static InitSettings Read(ObjectReader r)
    {
        var a = r.Child(InitKeys.Admin);
        var d = AdminUser.Default;
        var admin = new AdminUser(a.String(InitKeys.Username, d.Username), a.String(InitKeys.Email, d.Email),
            a.String(InitKeys.FirstName, d.FirstName), a.String(InitKeys.LastName, d.LastName));
        a.RejectUnknown();
        var result = new InitSettings(admin, r.Bool(InitKeys.LoadExamples, false));
        r.RejectUnknown();
        return result;
    }
}
