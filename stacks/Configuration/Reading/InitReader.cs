using Superset.Configuration.Keys;

namespace Superset.Configuration.Reading;

/// <summary>Reads <c>superset:init</c>: the first admin user, example data and the Job's pod.</summary>
internal static class InitReader
{
    /// <summary>Reads the object; <paramref name="oneProcessMi"/> (web.podOverheadMi + web.processMemoryMi) raises the default memory to hold one Superset process.</summary>
    public static InitSettings Read(ObjectReader r, int oneProcessMi)
    {
        var a = r.Child(InitKeys.Admin);
        var d = AdminUser.Default;
        var admin = new AdminUser(a.String(InitKeys.Username, d.Username), a.String(InitKeys.Email, d.Email),
            a.String(InitKeys.FirstName, d.FirstName), a.String(InitKeys.LastName, d.LastName));
        a.RejectUnknown();
        var pod = InitSettings.DefaultPod;
        var result = new InitSettings(admin, r.Bool(InitKeys.LoadExamples, false))
        {
            Pod = new PodResources(r.Int(InitKeys.CpuMillis, pod.CpuMillis), r.Int(InitKeys.MemoryMi, Math.Max(pod.MemoryMi, oneProcessMi))),
        };
        r.RejectUnknown();
        return result;
    }
}
