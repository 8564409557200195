namespace Superset.Configuration.Keys;

/// <summary>What a config key holds.</summary>
public enum ValueKind
{
    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A number, fractions allowed.</summary>
    Number,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>Text: one of <see cref="ConfigKey.Values"/>, or matching <see cref="ConfigKey.Pattern"/> and its check.</summary>
    String,

    /// <summary>A list of texts, each valid as a <see cref="String"/> key's value.</summary>
    StringList,

    /// <summary>A mapping of the keys registered under it.</summary>
    Object,

    /// <summary>A mapping of names (each matching <see cref="ConfigKey.KeyPattern"/>) to texts (each matching <see cref="ConfigKey.Pattern"/>, when set): labels, annotations, a nodeSelector.</summary>
    StringMap,

    /// <summary>A value in Kubernetes' own terms, checked against the pinned provider's types (<see cref="ConfigKey.KubernetesKind"/>).</summary>
    Kubernetes,

    /// <summary>A mapping of names (each matching <see cref="ConfigKey.Pattern"/>) to objects of the keys under <c>&lt;name&gt;</c>.</summary>
    Map,
}
