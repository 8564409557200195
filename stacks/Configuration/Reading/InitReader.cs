using Superset.Configuration.Keys;

namespace Superset.Configuration.Reading;

/// <summary>Reads <c>superset:init</c>: the first admin user and example data.</summary>
internal static class InitReader
{
    /// <summary>Reads the admin and example data (the Job's size and placement: PodReaders).</summary>
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

    /// <summary>
    /// The Job runs one Superset process at a time (migrations, superset init): unless init.memoryMi is
    /// written, its memory rises to <paramref name="oneProcessMi"/> (web.podOverheadMi + web.processMemoryMi)
    /// when that is above the default.
    /// </summary>
    public static PodSettings FitOneProcess(PodSettings pods, ObjectReader r, int oneProcessMi) =>
        r.Has(PodKeys.InitSize[1]) || pods.Init.Pod.MemoryMi >= oneProcessMi
            ? pods
            : pods with { Init = pods.Init with { Pod = pods.Init.Pod with { MemoryMi = oneProcessMi } } };
}
