using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Superset.Catalog.Kubernetes;
using Superset.Components.Kubernetes;
using Xunit;

namespace Superset.Infra.Tests;

/// <summary>
/// The Kubernetes field table the settings are checked against (stacks/Catalog/Kubernetes/core-v1.json)
/// is the pinned provider's own types, read from its Args classes; and a checked value reaches the
/// provider's Args whole.
/// </summary>
public sealed class KubernetesSchemaTests
{
    /// <summary>The types the settings may hold (placement, pull secrets, pod additions) and all they reach.</summary>
    private static readonly Type[] Roots =
    [
        typeof(TolerationArgs), typeof(AffinityArgs), typeof(TopologySpreadConstraintArgs), typeof(ContainerArgs),
        typeof(VolumeArgs), typeof(VolumeMountArgs), typeof(ContainerPortArgs), typeof(LocalObjectReferenceArgs),
    ];

    /// <summary>The table as the provider gives it, in the committed file's format.</summary>
    internal static string Expected()
    {
        var types = new JsonObject();
        foreach (var (name, (fields, required)) in KubernetesArgs.Describe(Roots))
        {
            var type = new JsonObject { ["fields"] = new JsonObject(fields.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value))) };
            if (required.Count > 0)
            {
                type["required"] = new JsonArray(required.Select(r => (JsonNode?)r).ToArray());
            }

            types[name] = type;
        }

        var root = new JsonObject
        {
            ["source"] = "Pulumi.Kubernetes 4.32.0 (Kubernetes v1.36.1), read from its Args types by tests/Superset.Infra.Tests/KubernetesSchemaTests.cs: do not edit",
            ["types"] = types,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    [Fact]
    public void The_committed_table_is_the_provider_s_types()
    {
        var path = Path.Combine(Harness.RepoRoot(), "stacks", "Catalog", "Kubernetes", KubernetesSchema.FileName);
        var expected = Expected();
        if (Environment.GetEnvironmentVariable("SUPERSET_WRITE_KUBERNETES_TABLE") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.ReadAllText(path) == expected,
            $"{path} differs from the provider's types: run SUPERSET_WRITE_KUBERNETES_TABLE=1 dotnet test tests/Superset.Infra.Tests --filter KubernetesSchemaTests and commit");
    }
}
