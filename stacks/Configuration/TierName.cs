namespace Superset.Configuration;

/// <summary>The three deployment patterns of the sizing article (docs/sources/worker-sizing.md): 50, 500 and 5,000 peak concurrent users.</summary>
public enum TierName
{
    /// <summary>50 peak concurrent users.</summary>
    Small,

    /// <summary>500 peak concurrent users.</summary>
    Medium,

    /// <summary>5,000 peak concurrent users.</summary>
    Large,
}
