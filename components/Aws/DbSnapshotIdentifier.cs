using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Superset.Components.Aws;

/// <summary>
/// RDS DB snapshot identifiers, unique per Pulumi project and stack. Snapshot identifiers are unique
/// per account and region, so every stack's final snapshot needs its own. The rules: "Must contain
/// from 1 to 255 letters, numbers, or hyphens; First character must be a letter; Can't end with a
/// hyphen or contain two consecutive hyphens" (boto/botocore
/// botocore/data/rds/2014-10-31/service-2.json@1.43.67, CreateDBSnapshotMessage.DBSnapshotIdentifier;
/// DeleteDBInstanceMessage.FinalDBSnapshotIdentifier the same, 1 to 255), and the provider's
/// finalSnapshotIdentifier: "The value must begin with a letter, only contain alphanumeric
/// characters and hyphens, and not end with a hyphen or contain two consecutive hyphens"
/// (pulumi/pulumi-aws sdk/nodejs/rds/instance.ts@v7.2.0).
/// </summary>
public static partial class DbSnapshotIdentifier
{
    /// <summary>The longest identifier RDS accepts.</summary>
    public const int MaxLength = 255;

    /// <summary>The length of the hash that keeps a rewritten name unique.</summary>
    private const int HashLength = 8;

    /// <summary>
    /// The final snapshot of a stack's database: <c>&lt;project&gt;-&lt;stack&gt;-final</c>, lower-cased (RDS
    /// stores identifiers in lower case). A name RDS would refuse as it stands (an underscore or a dot
    /// of a Pulumi name, an upper-case letter, a leading digit) is rewritten to its rules and given a
    /// short hash of the original, so <c>my_stack</c> and <c>my.stack</c> still get different snapshots.
    /// </summary>
    public static string FinalOf(string project, string stack)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(project);
        ArgumentException.ThrowIfNullOrWhiteSpace(stack);
        var wanted = $"{project}-{stack}-final";
        var clean = Hyphens().Replace(NotAllowed().Replace(wanted.ToLowerInvariant(), "-"), "-").Trim('-');
        if (clean.Length == 0 || !char.IsAsciiLetter(clean[0]))
        {
            clean = "db-" + clean;
        }

        if (clean == wanted && clean.Length <= MaxLength)
        {
            return clean;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(wanted)))[..HashLength];
        return $"{clean[..Math.Min(clean.Length, MaxLength - HashLength - 1)].TrimEnd('-')}-{hash}";
    }

    /// <summary>Whether RDS accepts <paramref name="identifier"/> as a DB snapshot identifier.</summary>
    public static bool IsValid(string identifier) =>
        identifier.Length is >= 1 and <= MaxLength && Valid().IsMatch(identifier);

    [GeneratedRegex("[^a-z0-9]")]
    private static partial Regex NotAllowed();

    [GeneratedRegex("-{2,}")]
    private static partial Regex Hyphens();

    /// <summary>A letter, then letters, digits and single hyphens, not ending with one.</summary>
    [GeneratedRegex("^[A-Za-z](?:-?[A-Za-z0-9])*$")]
    private static partial Regex Valid();
}
