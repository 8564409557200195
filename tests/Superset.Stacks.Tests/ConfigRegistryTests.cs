using System.Globalization;
using System.Text.Json;
using Json.Schema;
using Superset.Cli;
using Superset.Configuration;
using Superset.Configuration.Documents;
using Superset.Configuration.Keys;
using Superset.Configuration.Reading;
using Xunit;

namespace Superset.Stacks.Tests;

/// <summary>
/// The key registry is the one source of the config schema: the readers read every key through it
/// (each key set to a value of its own lands where the registry says), and Pulumi.yaml,
/// docs/config.md and superset.schema.json are written from it.
/// </summary>
public sealed class ConfigRegistryTests
{
    // Declared before Samples, which reads them (static fields initialize in order).
    private static readonly (string Path, object Value) Enabled = ("reports.enabled", true);

    private static readonly (string Path, object Value)[] Smtp = [("reports.smtp.host", "smtp.example.com"), ("reports.smtp.mailFrom", "r@example.com")];

    /// <summary>An AWS stack: the keys of RDS and ElastiCache do something only there.</summary>
    private static readonly (string Path, object Value)[] Aws =
    [
        ("dataServices", "aws"), ("aws.vpcId", "vpc-0123456789abcdef0"), ("aws.privateSubnetIds", new[] { "subnet-0123456789abcdef0", "subnet-0123456789abcdef1" }),
        ("aws.clientSecurityGroupId", "sg-0123456789abcdef0"),
    ];

    /// <summary>A complete workingHours object of the exports pool.</summary>
    private static readonly (string Path, object Value)[] WorkingHours =
    [
        ("queues.exports.workingHours.timezone", "Europe/Paris"), ("queues.exports.workingHours.start", "07:00"),
        ("queues.exports.workingHours.end", "19:00"), ("queues.exports.workingHours.minReplicas", 2),
    ];

    private static readonly Dictionary<string, object> Secure = new() { ["secure"] = "v1:AAAA" };

    /// <summary>A stack on the team's own PostgreSQL and Redis (dataServices external).</summary>
    private static readonly (string Path, object Value)[] External =
    [
        ("dataServices", "external"), ("database.host", "pg.example.internal"), ("database.maxConnections", 500), ("database.sslMode", "require"),
        ("database.passwordSecret.name", "pg"), ("database.passwordSecret.key", "password"),
        ("redis.broker.host", "broker.example.internal"), ("redis.broker.passwordSecret.name", "redis"), ("redis.broker.passwordSecret.key", "broker"),
        ("redis.cache.host", "cache.example.internal"), ("redis.cache.passwordSecret.name", "redis"), ("redis.cache.passwordSecret.key", "cache"),
    ];

    /// <summary>A stack signing in through LDAP.</summary>
    private static readonly (string Path, object Value)[] Ldap =
    [
        ("auth.type", "ldap"), ("auth.ldap.server", "ldaps://ldap.example.com"), ("auth.ldap.bindUser", "cn=superset,dc=example,dc=com"),
        ("auth.ldap.searchBase", "ou=people,dc=example,dc=com"), ("ldapBindPassword", Secure),
    ];

    /// <summary>
    /// A valid value for each text key the registry cannot invent one for (a pattern, a catalog),
    /// with what else the stack needs for the key to count (reports on for the SMTP keys).
    /// </summary>
    private static readonly Dictionary<string, (object Value, (string Path, object Value)[] Context)> Samples = new(StringComparer.Ordinal)
    {
        ["namespace"] = ("analytics", []),
        ["dataServices"] = ("aws", [("aws.vpcId", "vpc-0123456789abcdef0"), ("aws.privateSubnetIds", new[] { "subnet-0123456789abcdef0", "subnet-0123456789abcdef1" }), ("aws.clientSecurityGroupId", "sg-0123456789abcdef0")]),
        ["asyncQueries.transport"] = ("ws", [("asyncQueries.websocketImage", "registry.example.com/superset-websocket:5.0.0")]),
        ["image"] = ("registry.example.com/superset:5.0.0-pg", []),
        ["ingress.host"] = ("bi.example.com", []),
        ["ingress.className"] = ("public", []),
        ["ingress.tlsSecretName"] = ("bi-tls", []),
        ["ingress.controllerNamespace"] = ("edge", []),
        ["monitoring.namespace"] = ("observability", []),
        ["monitoring.releaseLabel"] = ("prom", []),
        ["autoscaling.kedaNamespace"] = ("autoscaling", []),
        ["database.instanceClass"] = ("db.r6g.xlarge", Aws),
        ["redis.broker.nodeType"] = ("cache.r7g.large", Aws),
        ["redis.cache.nodeType"] = ("cache.r7g.2xlarge", Aws),
        ["aws.vpcId"] = ("vpc-0123456789abcdef0", Aws),
        ["aws.privateSubnetIds"] = (new[] { "subnet-0123456789abcdef0", "subnet-0123456789abcdef1" }, Aws),
        ["aws.clientSecurityGroupId"] = ("sg-0123456789abcdef0", Aws),
        ["aws.postgresVersion"] = ("17", Aws),
        ["aws.alarmTopicArn"] = ("arn:aws:sns:eu-west-1:123456789012:superset", Aws),
        ["asyncQueries.websocketImage"] = ("registry.example.com/superset-websocket:5.0.0", [("asyncQueries.transport", "ws")]),
        ["flower.ingress"] = (true, [("flower.enabled", true)]),
        ["aws.multiAz"] = (false, Aws),
        ["aws.protectData"] = (false, Aws),
        ["aws.allocatedStorageGb"] = (500, Aws),
        ["aws.backupRetentionDays"] = (30, Aws),
        ["queues.<name>.tasks"] = (new[] { "fetch_url" }, []),
        // Working hours: every field but days is required, so each is set beside the others (medium exports runs 1–4 pods).
        ["queues.<name>.workingHours.timezone"] = ("America/New_York", [.. WorkingHours.Where(h => !h.Path.EndsWith(".timezone", StringComparison.Ordinal))]),
        ["queues.<name>.workingHours.start"] = ("08:30", [.. WorkingHours.Where(h => !h.Path.EndsWith(".start", StringComparison.Ordinal))]),
        ["queues.<name>.workingHours.end"] = ("17:45", [.. WorkingHours.Where(h => !h.Path.EndsWith(".end", StringComparison.Ordinal))]),
        ["queues.<name>.workingHours.days"] = ("mon-thu,sat", WorkingHours),
        ["queues.<name>.workingHours.minReplicas"] = (3, [.. WorkingHours.Where(h => !h.Path.EndsWith(".minReplicas", StringComparison.Ordinal))]),
        ["cost.region"] = ("us-east-1", []),
        ["cost.nodeType"] = ("m7i.xlarge", []),
        ["reports.enabled"] = (true, [Smtp[0], Smtp[1]]),
        ["reports.smtp.host"] = ("smtp.example.com", [Enabled, Smtp[1]]),
        ["reports.smtp.mailFrom"] = ("reports@example.com", [Enabled, Smtp[0]]),
        ["reports.smtp.user"] = ("superset", [Enabled, .. Smtp, ("smtpPassword", new Dictionary<string, object> { ["secure"] = "v1:AAAA" })]),
        ["reports.smtp.port"] = (465, [Enabled, .. Smtp]),
        ["reports.smtp.starttls"] = (false, [Enabled, .. Smtp]),
        ["reports.smtp.ssl"] = (true, [Enabled, .. Smtp, ("reports.smtp.starttls", false)]),
        ["reports.browsersPath"] = ("/opt/chromium", [Enabled, .. Smtp]),
        ["reports.slack.enabled"] = (true, [Enabled, .. Smtp, ("slackToken", Secure)]),
        ["auth.type"] = ("ldap", Ldap[1..]),
        ["auth.userRegistration"] = (true, Ldap),
        ["auth.registrationRole"] = ("Gamma", [.. Ldap, ("auth.userRegistration", true)]),
        ["auth.roleSyncAtLogin"] = (true, [.. Ldap, ("auth.roleMapping", new Dictionary<string, object> { ["cn=bi,ou=groups,dc=example,dc=com"] = new[] { "Alpha" } })]),
        ["init.admin.username"] = ("bi-admin", []),
        ["init.admin.email"] = ("bi-admins@example.com", []),
        ["init.admin.firstName"] = ("Ada", []),
        ["init.admin.lastName"] = ("Lovelace", []),
        ["database.host"] = ("pg2.example.internal", External),
        ["database.port"] = (6432, External),
        ["database.name"] = ("analytics", External),
        ["database.user"] = ("bi", External),
        ["database.sslMode"] = ("disable", External),
        ["database.sslRootCert"] = ("/etc/ssl/pg-ca.pem", [.. External, ("database.sslMode", "verify-full")]),
        ["redis.shared"] = (true, [.. External, ("redis.cache.host", "broker.example.internal"), ("redis.broker.db", 5)]),
        ["redis.broker.host"] = ("queue.example.internal", External),
        ["redis.broker.port"] = (6380, External),
        ["redis.broker.tls"] = (false, External),
        ["redis.broker.db"] = (3, External),
        ["redis.cache.host"] = ("lru.example.internal", External),
        ["redis.cache.port"] = (6380, External),
        ["redis.cache.tls"] = (false, External),
        ["redis.cache.db"] = (4, External),
        ["imagePullSecrets"] = (new[] { "regcred" }, []),
        ["serviceAccount.name"] = ("superset-bi", []),
        ["serviceAccount.annotations"] = (new Dictionary<string, object> { ["eks.amazonaws.com/role-arn"] = "arn:aws:iam::123456789012:role/superset" }, []),
        ["ingress.controller"] = ("alb", [("ingress.sourceCidrs", new[] { "10.0.0.0/16" })]),
        ["ingress.annotations"] = (new Dictionary<string, object> { ["example.com/owner"] = "bi" }, []),
        ["ingress.sourceCidrs"] = (new[] { "10.0.0.0/16" }, [("ingress.controller", "alb")]),
        ["ingress.controllerPodLabels"] = (new Dictionary<string, object> { ["app"] = "edge" }, []),
        ["ingress.certificateArn"] = ("arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d", [("ingress.controller", "alb"), ("ingress.sourceCidrs", new[] { "10.0.0.0/16" })]),
        ["ingress.gateway.name"] = ("shared", []),
        ["ingress.gateway.namespace"] = ("edge", [("ingress.gateway.name", "shared")]),
        ["ingress.gateway.sectionName"] = ("https", [("ingress.gateway.name", "shared")]),
        ["ingress.gateway.hostnames"] = (new[] { "bi.example.com" }, [("ingress.gateway.name", "shared")]),
        ["web.cost.nodeType"] = ("m7i.xlarge", []),
        ["queues.<name>.cost.nodeType"] = ("m7i.xlarge", []),
        ["web.service.annotations"] = (new Dictionary<string, object> { ["service.beta.kubernetes.io/aws-load-balancer-type"] = "external" }, []),
        ["database.storageClass"] = ("gp3", []),
        ["redis.broker.storageClass"] = ("gp3", []),
        ["flower.cpuMillis"] = (250, [("flower.enabled", true)]),
        ["flower.memoryMi"] = (512, [("flower.enabled", true)]),
        ["asyncQueries.websocketCpuMillis"] = (250, [("asyncQueries.transport", "ws"), ("asyncQueries.websocketImage", "registry.example.com/superset-websocket:5.0.0")]),
        ["asyncQueries.websocketMemoryMi"] = (512, [("asyncQueries.transport", "ws"), ("asyncQueries.websocketImage", "registry.example.com/superset-websocket:5.0.0")]),
    };

    /// <summary>A valid value of each field of a scheduling object or of pod additions, by field name.</summary>
    private static readonly Dictionary<string, object> ByField = new(StringComparer.Ordinal)
    {
        ["nodeSelector"] = new Dictionary<string, object> { ["karpenter.sh/capacity-type"] = "spot" },
        ["tolerations"] = new object[] { new Dictionary<string, object> { ["key"] = "spot", ["operator"] = "Exists", ["effect"] = "NoSchedule" } },
        ["affinity"] = new Dictionary<string, object>
        {
            ["nodeAffinity"] = new Dictionary<string, object>
            {
                ["requiredDuringSchedulingIgnoredDuringExecution"] = new Dictionary<string, object>
                {
                    ["nodeSelectorTerms"] = new object[] { new Dictionary<string, object> { ["matchExpressions"] = new object[] { new Dictionary<string, object> { ["key"] = "kubernetes.io/arch", ["operator"] = "In", ["values"] = new[] { "amd64" } } } } },
                },
            },
        },
        ["topologySpreadConstraints"] = new object[] { new Dictionary<string, object> { ["maxSkew"] = 1, ["topologyKey"] = "topology.kubernetes.io/zone", ["whenUnsatisfiable"] = "DoNotSchedule" } },
        ["priorityClassName"] = "superset-high",
        ["annotations"] = new Dictionary<string, object> { ["example.com/owner"] = "bi" },
        ["labels"] = new Dictionary<string, object> { ["team"] = "bi" },
        ["sidecars"] = new object[] { new Dictionary<string, object> { ["name"] = "proxy", ["image"] = "registry.example.com/proxy:1.0" } },
        ["initContainers"] = new object[] { new Dictionary<string, object> { ["name"] = "wait", ["image"] = "registry.example.com/wait:1.0" } },
        ["volumes"] = new object[] { new Dictionary<string, object> { ["name"] = "extra", ["emptyDir"] = new Dictionary<string, object>() } },
        ["volumeMounts"] = new object[] { new Dictionary<string, object> { ["name"] = "extra", ["mountPath"] = "/extra" } },
    };

    /// <summary>Keys whose value lands nowhere in the settings, each tested where it matters.</summary>
    private static readonly HashSet<string> NotSettings =
    [
        "smtpPassword", // a secret: the program reads it with RequireSecret (ReportsTests, ProgramTests)
        "supersetVersion", // picks the release: SupersetReleasesTests
        "queues.<name>.enabled", // removes a pool: PlannerTests
        // Secret config keys: read with RequireSecret (CustomizationComponentTests), never a setting.
        "ldapBindPassword", "slackToken", .. Configuration.Keys.AuthKeys.ClientSecrets.Select(k => k.Path),
        // Entries of maps and lists of objects: a name of their own, tested where they land (CustomizationTests, AuthTests, ExternalDataTests).
        "configOverrides.<name>", "featureFlags.<name>", "env.<name>", "web.env.<name>", "beat.env.<name>", "queues.<name>.env.<name>",
        "secretEnv.<name>.secret", "secretEnv.<name>.key", "auth.roleMapping.<name>", "drivers",
        .. Configuration.Keys.AuthKeys.ProviderFields.Select(k => k.Path), .. Configuration.Keys.AuthKeys.LdapFields.Select(k => k.Path),
        "secretKeySecret.name", "secretKeySecret.key", "database.passwordSecret.name", "database.passwordSecret.key",
        "redis.broker.passwordSecret.name", "redis.broker.passwordSecret.key", "redis.cache.passwordSecret.name", "redis.cache.passwordSecret.key",
        // A sidecar port's number and sources land in the role's additions: PodOverrideTests.
        "podOverrides.web.ports.<name>.port", "podOverrides.worker.ports.<name>.port", "podOverrides.beat.ports.<name>.port", "podOverrides.init.ports.<name>.port",
        "podOverrides.web.ports.<name>.from", "podOverrides.worker.ports.<name>.from", "podOverrides.beat.ports.<name>.from", "podOverrides.init.ports.<name>.from",
    ];

    public static TheoryData<string> Scalars => [.. ConfigKeys.All.Where(k => k.Kind is not (ValueKind.Object or ValueKind.Map)).Select(k => k.Path)];

    [Theory]
    [MemberData(nameof(Scalars))]
    public void Every_key_set_to_a_value_of_its_own_lands_where_the_registry_says(string path)
    {
        var key = ConfigKeys.Find(path)!;
        if (NotSettings.Contains(path))
        {
            Assert.Null(key.Setting);
            Assert.Null(key.QueueSetting);
            return;
        }

        var baseline = SettingsLoader.Load(StackFile.Parse("config:\n  superset:tier: medium\n", "base"));
        var exports = baseline.Queues.Single(q => q.Name == "exports");
        var current = key.QueueSetting is { } q ? q(exports) : key.Setting!(baseline);
        var (value, context) = Samples.TryGetValue(path, out var sample) ? sample
            : key.Kind is ValueKind.Kubernetes or ValueKind.StringMap || key.Field == "priorityClassName" ? (ByField[key.Field], []) : (Other(key, current), []);
        Assert.NotEqual(Show(current), Show(value));

        var settings = SettingsLoader.Load(StackFile.Parse(Stack([("tier", "medium"), .. context, (key.Path.Replace("<name>", "exports", StringComparison.Ordinal), value)]), "t.yaml"));
        var read = key.QueueSetting is { } qs ? qs(settings.Queues.Single(x => x.Name == "exports")) : key.Setting!(settings);
        Assert.Equal(Show(value), Show(read));
    }

    [Fact]
    public void Every_key_has_a_description_and_objects_have_fields()
    {
        Assert.All(ConfigKeys.All, k => Assert.False(string.IsNullOrWhiteSpace(k.Description), k.Path));
        Assert.All(ConfigKeys.All.Where(k => k.Kind == ValueKind.Object), k => Assert.NotEmpty(ConfigKeys.ChildrenOf(k.Path)));
        Assert.All(ConfigKeys.All.Where(k => k.Kind is ValueKind.Integer or ValueKind.Number), k => Assert.True(k.Minimum < k.Maximum, k.Path));
        Assert.All(ConfigKeys.All.Where(k => k.Kind == ValueKind.String && !k.Secret), k => Assert.True(k.Values is not null || k.Pattern is not null || k.Check is not null, k.Path));
    }

    [Fact]
    public void A_field_the_registry_does_not_have_is_refused_with_the_registry_s_fields()
    {
        var ex = Assert.Throws<SettingsException>(() => SettingsLoader.Load(StackFile.Parse("config:\n  superset:web:\n    thread: 4\n", "t.yaml")));
        var error = Assert.Single(ex.Errors);
        Assert.Equal("superset:web.thread", error.Key);
        Assert.Contains(string.Join(", ", ConfigKeys.ChildrenOf("web").Select(k => k.Field).Order(StringComparer.Ordinal)), error.Expected, StringComparison.Ordinal);
    }

    public static TheoryData<string> Documents => [.. SchemaCommand.Documents.Select(d => d.Path)];

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_committed_document_is_what_the_registry_writes(string path)
    {
        var (_, text) = SchemaCommand.Documents.Single(d => d.Path == path);
        var committed = File.ReadAllText(Path.Combine(PlannerTests.RepoRoot(), path));
        Assert.True(committed == text(), $"{path} differs from the registry: run `dotnet run --project stacks/Cli -- schema` and commit");
    }

    [Theory]
    [InlineData("Pulumi.dev.yaml")]
    [InlineData("Pulumi.prod.yaml")]
    public void The_schema_accepts_the_committed_stacks(string file)
    {
        var result = Validate(File.ReadAllText(Path.Combine(PlannerTests.RepoRoot(), file)));
        Assert.True(result.IsValid, Explain(result));
    }

    [Theory]
    [InlineData("config:\n  superset:tier: huge\n", "an unknown tier")]
    [InlineData("config:\n  superset:tiers: small\n", "a misspelt superset: key")]
    [InlineData("config:\n  tier: small\n", "a key without a namespace")]
    [InlineData("config:\n  superset:web:\n    thread: 4\n", "a misspelt field")]
    [InlineData("config:\n  superset:web:\n    threads: 0\n", "a number out of range")]
    [InlineData("config:\n  superset:queues:\n    Exports:\n      minReplicas: 1\n", "a queue name that is not a DNS label")]
    [InlineData("config:\n  superset:sizing:\n    cacheHitRate: 1\n", "an exclusive maximum")]
    [InlineData("config:\n  superset:smtpPassword: hunter2\n", "a secret in plain text")]
    [InlineData("confg:\n  superset:tier: small\n", "a misspelt top-level field")]
    [InlineData("config:\n  superset:scheduling:\n    tolerations:\n      - key: spot\n        effekt: NoSchedule\n", "a misspelt Kubernetes field")]
    [InlineData("config:\n  superset:web:\n    scheduling:\n      tolerations:\n        - operator: Maybe\n", "a Kubernetes enumeration's other value")]
    [InlineData("config:\n  superset:podOverrides:\n    flower:\n      labels: {a: b}\n", "pod additions to a role without them")]
    [InlineData("config:\n  superset:ingress:\n    controller: haproxy\n", "an unknown ingress controller")]
    public void The_schema_refuses(string yaml, string what)
    {
        Assert.False(Validate(yaml).IsValid, what);
    }

    [Fact]
    public void The_schema_accepts_every_example_stack_of_the_guides()
    {
        var examples = Directory.GetFiles(Path.Combine(PlannerTests.RepoRoot(), "docs", "examples"), "Pulumi.*.yaml");
        Assert.NotEmpty(examples);
        Assert.All(examples, f => Assert.True(Validate(File.ReadAllText(f)) is { IsValid: true }, $"{f}: {Explain(Validate(File.ReadAllText(f)))}"));
    }

    [Fact]
    public void The_schema_accepts_other_namespaces_and_text_numbers()
    {
        var result = Validate("config:\n  aws:region: eu-west-1\n  kubernetes:context: kind\n  superset:web:\n    threads: \"8\"\n    minReplicas: 2\n");
        Assert.True(result.IsValid, Explain(result));
    }

    // Loaded once: JsonSchema.Net registers a schema by its $id, and a second load of the same $id is refused.
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(Path.Combine(PlannerTests.RepoRoot(), StackFileSchema.FileName))));

    private static EvaluationResults Validate(string yaml)
    {
        var schema = Schema.Value;
        var document = StackFile.ToJsonDocument(yaml, "t.yaml");
        using var json = JsonDocument.Parse(document?.ToJsonString() ?? "null");
        return schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Explain(EvaluationResults result) =>
        string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")));

    /// <summary>A value other than <paramref name="current"/> the key accepts: the far end of its range, the other boolean, another of its values.</summary>
    private static object Other(ConfigKey key, object? current) => key.Kind switch
    {
        ValueKind.Boolean => !(bool)current!,
        ValueKind.Integer => (int)key.Maximum!.Value != Convert.ToInt32(current, CultureInfo.InvariantCulture) ? (int)key.Maximum.Value : (int)key.Minimum!.Value,
        ValueKind.Number when !key.MaximumExclusive => key.Maximum!.Value != (decimal)current! ? key.Maximum.Value : key.Minimum!.Value,
        ValueKind.Number => key.Minimum!.Value,
        ValueKind.String when key.Values is { } values => values.First(v => v != (string?)current),
        _ => throw new InvalidOperationException($"no sample value for {key.Path}: add one to ConfigRegistryTests.Samples"),
    };

    /// <summary>A stack file setting each dotted path under <c>superset:</c>.</summary>
    private static string Stack(IEnumerable<(string Path, object Value)> settings)
    {
        var config = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (path, value) in settings)
        {
            var parts = path.Split('.');
            var at = config;
            for (var i = 0; i < parts.Length - 1; i++)
            {
                var name = i == 0 ? $"superset:{parts[i]}" : parts[i];
                at = (Dictionary<string, object>)(at.TryGetValue(name, out var child) ? child : at[name] = new Dictionary<string, object>(StringComparer.Ordinal));
            }

            at[parts.Length == 1 ? $"superset:{parts[0]}" : parts[^1]] = value;
        }

        return new YamlDotNet.Serialization.SerializerBuilder().WithQuotingNecessaryStrings().Build().Serialize(new Dictionary<string, object> { ["config"] = config });
    }

    private static string Show(object? value) => value switch
    {
        Configuration.KubernetesValue k => k.Json,
        IReadOnlyDictionary<string, string> map => string.Join(",", map.Select(kv => $"{kv.Key}={kv.Value}")),
        Dictionary<string, object> map when map.Values.All(v => v is string) && !map.ContainsKey("nodeAffinity") => string.Join(",", map.Select(kv => $"{kv.Key}={kv.Value}")),
        string[] list => string.Join(",", list),
        Dictionary<string, object> or object[] => JsonSerializer.Serialize(value),
        IEnumerable<string> list => string.Join(",", list),
        _ => TierDefaultValues.Show(value),
    };
}
