using System.Diagnostics;
using Superset.Artifacts;
using Superset.Planning;
using Xunit;

namespace Superset.Stacks.Tests;

/// <summary>The generated redis.conf, loaded by a real redis-server and read back.</summary>
public sealed class RedisServerTests
{
    private sealed class Server : IDisposable
    {
        private readonly Process process;
        private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("redis-");
        private readonly string cli = Tools.Require("redis-cli", "redis-tools");

        public Server(RedisPlan plan)
        {
            Port = Tools.FreePort();
            var conf = Path.Combine(dir.FullName, "redis.conf");
            // Loopback for the test; everything else exactly as generated.
            File.WriteAllText(conf, RedisConf.For(plan, dir.FullName).Replace("bind 0.0.0.0", "bind 127.0.0.1", StringComparison.Ordinal));
            process = Process.Start(new ProcessStartInfo(Tools.Require("redis-server", "redis-server"))
            {
                ArgumentList = { conf, "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--requirepass", "test-password" },
                RedirectStandardOutput = true,
                UseShellExecute = false,
            })!;
            for (var i = 0; i < 100 && Cli("PING") != "PONG"; i++)
            {
                Thread.Sleep(50);
            }
        }

        public int Port { get; }

        public string Cli(params string[] args)
        {
            var (_, stdout, _) = Tools.Run(cli, new[] { "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--no-auth-warning", "-a", "test-password" }.Concat(args));
            return stdout.Trim();
        }

        // redis-cli prints the key, then the value on the next line (empty for `save ""`).
        public string Config(string key)
        {
            var lines = Cli("CONFIG", "GET", key).Split('\n');
            Assert.Equal(key, lines[0].Trim());
            return lines.Length > 1 ? lines[1].Trim() : "";
        }

        public void Dispose()
        {
            process.Kill();
            process.WaitForExit();
            process.Dispose();
            dir.Delete(recursive: true);
        }
    }

    private static StackPlan Dev() => PlannerTests.PlanOf("config:\n  superset:tier: small\n");

    [Fact]
    public void Broker_settings_are_what_redis_server_runs_with()
    {
        var plan = Dev();
        using var redis = new Server(plan.Broker);
        Assert.Equal("noeviction", redis.Config("maxmemory-policy"));
        Assert.Equal(plan.Broker.MaxMemoryBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), redis.Config("maxmemory"));
        Assert.Equal("yes", redis.Config("appendonly"));
        Assert.Equal("", redis.Config("save"));
    }

    [Fact]
    public void Cache_settings_are_what_redis_server_runs_with()
    {
        var plan = Dev();
        using var redis = new Server(plan.Cache);
        Assert.Equal("allkeys-lru", redis.Config("maxmemory-policy"));
        Assert.Equal(plan.Cache.MaxMemoryBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), redis.Config("maxmemory"));
        Assert.Equal("no", redis.Config("appendonly"));
    }

    [Fact]
    public void A_full_broker_refuses_writes_and_keeps_every_message_while_a_full_cache_evicts()
    {
        // Small maxmemory so filling it takes a moment; the policies are the generated ones.
        var broker = Dev().Broker with { MaxMemoryBytes = 4L * 1024 * 1024 };
        var cache = Dev().Cache with { MaxMemoryBytes = 4L * 1024 * 1024 };
        var payload = new string('x', 64 * 1024);

        using (var redis = new Server(broker))
        {
            string reply = "";
            var pushed = 0;
            for (; pushed < 200 && !reply.StartsWith("OOM", StringComparison.Ordinal); pushed++)
            {
                reply = redis.Cli("LPUSH", "default", payload);
            }

            Assert.StartsWith("OOM", reply, StringComparison.Ordinal);
            Assert.Equal((pushed - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), redis.Cli("LLEN", "default"));
            Assert.Contains("evicted_keys:0", redis.Cli("INFO", "stats"), StringComparison.Ordinal);
        }

        using (var redis = new Server(cache))
        {
            for (var i = 0; i < 200; i++)
            {
                Assert.Equal("OK", redis.Cli("SET", $"chart:{i}", payload));
            }

            Assert.DoesNotContain("evicted_keys:0\r", redis.Cli("INFO", "stats"), StringComparison.Ordinal);
            Assert.True(int.Parse(redis.Cli("DBSIZE"), System.Globalization.CultureInfo.InvariantCulture) < 200);
        }
    }
}
