using Pulumi;
using Superset.Artifacts;
using Superset.Components.Kubernetes;
using Superset.Configuration;
using Superset.Configuration.Keys;
using Superset.Planning;
using Superset.Planning.Workloads;

namespace Superset.Infra;

/// <summary>
/// From the plan to what the Superset pods get beyond the data services: the team's variables, the
/// secrets of sign-in and Slack (config secrets in the credentials Secret), and the credentials kept
/// in existing Secrets.
/// </summary>
internal static class SupersetEnvironments
{
    /// <summary>The pods' additions.</summary>
    public static SupersetEnvironment For(StackPlan plan)
    {
        var custom = plan.Custom;
        return new SupersetEnvironment
        {
            CredentialEnv = ConfigSecrets(plan).ToDictionary(s => s.Variable, s => s.CredentialKey, StringComparer.Ordinal),
            Env = custom.Env,
            SecretEnv = custom.SecretEnv.ToDictionary(e => e.Key, e => ((Input<string>)e.Value.Name, e.Value.Key), StringComparer.Ordinal),
            RoleEnv = custom.RoleEnv,
        };
    }

    /// <summary>Credentials in existing Secrets, by credential key.</summary>
    public static IReadOnlyDictionary<string, (Input<string> Secret, string Key)> ExistingSecrets(StackPlan plan)
    {
        var c = plan.Custom.Credentials;
        var existing = new Dictionary<string, (Input<string>, string)>(StringComparer.Ordinal);
        foreach (var (key, source) in new[]
        {
            (CredentialKeys.SecretKey, c.SecretKey), (CredentialKeys.DatabasePassword, c.DatabasePassword),
            (CredentialKeys.BrokerPassword, c.BrokerPassword), (CredentialKeys.CachePassword, c.CachePassword),
        })
        {
            if (source is { } s)
            {
                existing[key] = (s.Name, s.Key);
            }
        }

        return existing;
    }

    /// <summary>
    /// The config secrets the stack needs besides smtpPassword: each OAuth provider's client secret, the
    /// LDAP bind password, Slack's token: (config key, credentials Secret key, pod variable).
    /// </summary>
    public static IReadOnlyList<(string ConfigKey, string CredentialKey, string Variable)> ConfigSecrets(StackPlan plan)
    {
        var auth = plan.Custom.Auth;
        var secrets = new List<(string, string, string)>();
        if (auth.Type == AuthType.OAuth)
        {
            secrets.AddRange(auth.Providers.Select(p => (AuthKeys.ClientSecretKey(p.Name), CredentialKeys.OAuthClientSecret(p.Name), SupersetEnv.OAuthClientSecret(p.Name))));
        }

        if (auth.Type == AuthType.Ldap)
        {
            secrets.Add((AuthKeys.LdapBindPassword.Path, CredentialKeys.LdapBindPassword, SupersetEnv.LdapBindPassword));
        }

        if (plan.Reports.Slack)
        {
            secrets.Add((FeatureKeys.SlackToken.Path, CredentialKeys.SlackToken, SupersetEnv.SlackApiToken));
        }

        return secrets;
    }
}
