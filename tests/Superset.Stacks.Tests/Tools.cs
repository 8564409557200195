using System.Diagnostics;

namespace Superset.Stacks.Tests;

/// <summary>
/// Runs the real programs that consume what the generators write (redis-server, Debian's Python
/// with Celery). A missing program fails the test with the package to install: CI installs them,
/// and a check that silently does not run is no check.
/// </summary>
internal static class Tools
{
    /// <summary>Debian's interpreter, which has python3-celery; the first python3 on PATH may not.</summary>
    public const string Python = "/usr/bin/python3";

    public static string Require(string path, string package)
    {
        var found = Path.IsPathRooted(path) ? (File.Exists(path) ? path : null)
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, path)).FirstOrDefault(File.Exists);
        return found ?? throw new InvalidOperationException($"{path} is not installed: apt-get install {package} (.ci/run does)");
    }

    public static (int ExitCode, string Stdout, string Stderr) Run(string file, IEnumerable<string> args,
        IReadOnlyDictionary<string, string>? env = null, int timeoutMs = 60_000, string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null)
        {
            psi.WorkingDirectory = workingDirectory;
        }

        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutMs))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in {timeoutMs} ms");
        }

        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    public static int FreePort()
    {
        var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
