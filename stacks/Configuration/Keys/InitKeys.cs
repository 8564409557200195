namespace Superset.Configuration.Keys;

/// <summary>
/// <c>superset:init</c>: the init Job's first admin user, example data and pod size.
/// </summary>
public static class InitKeys
{
    /// <summary>The object, registered once with the pod's size and placement (PodKeys.Init).</summary>
    public static ConfigKey Object => PodKeys.Init;

    /// <summary><c>init.admin</c>.</summary>
    public static readonly ConfigKey Admin = Define.Object("init.admin", "The first admin user (superset fab create-admin); its password stays random: pulumi stack output --show-secrets adminPassword.");

    /// <summary><c>init.admin.username</c>.</summary>
    public static readonly ConfigKey Username = Define.Text("init.admin.username", Patterns.UserName, "The admin's user name.",
        "a user name of letters, digits, '_', '.', '@' and '-'", s => s.Init.Admin.Username) with { MaxLength = 64, DefaultText = "admin" };

    /// <summary><c>init.admin.email</c>.</summary>
    public static readonly ConfigKey Email = Define.Text("init.admin.email", Patterns.MailAddress, "The admin's e-mail address.",
        "an e-mail address, e.g. bi-admins@example.com", s => s.Init.Admin.Email) with { MaxLength = 320, DefaultText = "admin@superset.invalid" };

    /// <summary><c>init.admin.firstName</c>.</summary>
    public static readonly ConfigKey FirstName = Define.Text("init.admin.firstName", Patterns.Trimmed, "The admin's first name.",
        "a name", s => s.Init.Admin.FirstName) with { MaxLength = 64, DefaultText = "Superset" };

    /// <summary><c>init.admin.lastName</c>.</summary>
    public static readonly ConfigKey LastName = Define.Text("init.admin.lastName", Patterns.Trimmed, "The admin's last name.",
        "a name", s => s.Init.Admin.LastName) with { MaxLength = 64, DefaultText = "Admin" };

    /// <summary><c>init.loadExamples</c>.</summary>
    public static readonly ConfigKey LoadExamples = Define.Bool("init.loadExamples",
        "superset load-examples after superset init: example dashboards in the metadata database (refused on prod-like AWS stacks).", s => s.Init.LoadExamples)
        with { DefaultText = "false" };
}
