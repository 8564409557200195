using System.Text.Json.Nodes;
using Superset.Configuration;

namespace Superset.Planning.Pods;

/// <summary>
/// A container's security context at Pod Security <c>restricted</c> (kubernetes/pod-security-admission
/// policy@v0.36.1: check_privileged.go, check_allowPrivilegeEscalation.go, check_runAsNonRoot.go,
/// check_runAsUser.go, check_capabilities_restricted.go, check_seccompProfile_restricted.go,
/// check_procMount_baseline.go, check_windowsHostProcess.go), with a read-only root filesystem as every
/// pod of the stack has: the fields a sidecar leaves out are filled in, a weaker one is refused.
/// </summary>
public static class RestrictedSecurity
{
    /// <summary>The completed context; each field weaker than restricted refused under <paramref name="at"/>.</summary>
    public static JsonObject Complete(JsonObject? given, string at, List<SettingsError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var s = given?.DeepClone().AsObject() ?? [];
        void Refuse(string field, string value, string expected) => errors.Add(new SettingsError($"{at}.{field}", value, $"{expected} (Pod Security restricted, which the namespace enforces)"));

        if (s["privileged"]?.GetValue<bool>() == true)
        {
            Refuse("privileged", "true", "false");
        }

        if (s["allowPrivilegeEscalation"]?.GetValue<bool>() == true)
        {
            Refuse("allowPrivilegeEscalation", "true", "false");
        }

        if (s["runAsNonRoot"]?.GetValue<bool>() == false)
        {
            Refuse("runAsNonRoot", "false", "true");
        }

        if (s["runAsUser"]?.GetValue<int>() == 0)
        {
            Refuse("runAsUser", "0", "a non-zero uid");
        }

        if (s["procMount"]?.GetValue<string>() is { } proc and not "Default")
        {
            Refuse("procMount", proc, "Default");
        }

        if (s["windowsOptions"]?["hostProcess"]?.GetValue<bool>() == true)
        {
            Refuse("windowsOptions.hostProcess", "true", "false");
        }

        if (s["seccompProfile"]?["type"]?.GetValue<string>() is { } seccomp and not ("RuntimeDefault" or "Localhost"))
        {
            Refuse("seccompProfile.type", seccomp, "RuntimeDefault or Localhost");
        }

        var capabilities = s["capabilities"] as JsonObject ?? [];
        var added = (capabilities["add"] as JsonArray ?? []).Select(c => c!.GetValue<string>()).Where(c => c != "NET_BIND_SERVICE").ToList();
        if (added.Count > 0)
        {
            Refuse("capabilities.add", string.Join(", ", added), "none beyond NET_BIND_SERVICE");
        }

        if (capabilities["drop"] is JsonArray drop && !drop.Any(c => c!.GetValue<string>() == "ALL"))
        {
            Refuse("capabilities.drop", string.Join(", ", drop.Select(c => c!.GetValue<string>())), "a list with ALL");
        }

        s["allowPrivilegeEscalation"] ??= false;
        s["runAsNonRoot"] ??= true;
        s["readOnlyRootFilesystem"] ??= true;
        s["seccompProfile"] ??= new JsonObject { ["type"] = "RuntimeDefault" };
        capabilities["drop"] ??= new JsonArray("ALL");
        s["capabilities"] = capabilities.Parent is null ? capabilities : capabilities.DeepClone();
        return s;
    }
}
