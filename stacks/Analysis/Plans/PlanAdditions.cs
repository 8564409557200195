using System.Globalization;
using System.Text;
using Superset.Artifacts;
using Superset.Configuration;
using Superset.Planning;

namespace Superset.Analysis.Plans;

/// <summary>
/// What a team added to the stack, as <c>plan</c> prints it after the sizing: the team's data services,
/// sign-in, credentials from existing Secrets, config overrides and flags, variables, drivers with the
/// exact image build line, and the init Job's admin.
/// </summary>
public static class PlanAdditions
{
    /// <summary>The lines for the team's Redis of a role (dataServices external), or null for the program's own.</summary>
    public static string? ExternalRedis(RedisPlan r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return r.External is not { } e ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"redis {r.Name}: the team's, {(e.Tls ? "rediss" : "redis")}://{e.Host}:{e.Port}/{e.Db}; it must run {r.MaxMemoryPolicy}{(r.Shared ? " (shared with the other role: the cache cannot evict)" : "")}");
    }

    /// <summary>The section, empty when the stack adds nothing.</summary>
    public static string Of(StackPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var c = plan.Custom;
        var b = new StringBuilder();
        if (plan.Database.External is { } db)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"database: the team's, {db.Host}:{db.Port}/{db.Name} as {db.User}, sslmode {db.SslMode}");
        }

        var auth = c.Auth;
        if (auth.Type == AuthType.OAuth)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"sign-in: OAuth ({string.Join(", ", auth.Providers.Select(p => p.Name))}), registration {(auth.UserRegistration ? "on as " + auth.RegistrationRole : "off")}, {auth.RoleMapping.Count} group mappings");
        }
        else if (auth.Type == AuthType.Ldap)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"sign-in: LDAP {auth.Ldap!.Server}{(auth.Ldap.StartTls ? " with StartTLS" : "")}, users under {auth.Ldap.SearchBase}, registration {(auth.UserRegistration ? "on as " + auth.RegistrationRole : "off")}");
        }

        var existing = new[] { ("SECRET_KEY", c.Credentials.SecretKey), ("database password", c.Credentials.DatabasePassword), ("broker password", c.Credentials.BrokerPassword), ("cache password", c.Credentials.CachePassword) }
            .Where(x => x.Item2 is not null).Select(x => $"{x.Item1} from {x.Item2!.Name}/{x.Item2.Key}").ToList();
        if (existing.Count > 0)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"credentials from existing Secrets: {string.Join(", ", existing)}");
        }

        if (c.ConfigOverrides.Count > 0)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"config overrides appended to superset_config.py: {string.Join(", ", c.ConfigOverrides.Select(o => o.Name))}");
        }

        if (c.FeatureFlags.Count > 0)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"feature flags: {string.Join(", ", c.FeatureFlags.Select(f => $"{f.Key} {(f.Value ? "on" : "off")}"))}");
        }

        var variables = c.Env.Count + c.SecretEnv.Count + c.WebEnv.Count + c.BeatEnv.Count + c.QueueEnv.Values.Sum(q => q.Count);
        if (variables > 0)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"environment: {c.Env.Count} plain and {c.SecretEnv.Count} from Secrets on every Superset pod, {variables - c.Env.Count - c.SecretEnv.Count} for one role each");
        }

        if (c.Drivers.Count > 0)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"drivers: {string.Join(", ", c.Drivers.Select(d => d.Name))}; the init Job imports each before web and workers roll. Build the image with:");
            b.AppendLine(CultureInfo.InvariantCulture, $"  {SupersetInitScript.BuildLine(plan)}");
        }

        if (c.Init != InitSettings.Default)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"init: admin {c.Init.Admin.Username} <{c.Init.Admin.Email}> (password random: pulumi stack output --show-secrets adminPassword), pod {plan.Pods.InitPod.CpuMillis}m {plan.Pods.InitPod.MemoryMi} Mi{(c.Init.LoadExamples ? ", example dashboards loaded" : "")}");
        }

        return b.Length == 0 ? "" : "\n" + b;
    }
}
