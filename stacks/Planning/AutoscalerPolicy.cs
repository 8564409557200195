namespace Superset.Planning;

/// <summary>
/// How every autoscaler of the stack moves (the HPA's <c>behavior</c>), from the autoscaling article's
/// production lessons (docs/sources/autoscaling.md). One place, read by the HPAs and by anything that models them.
/// </summary>
public static class AutoscalerPolicy
{
    /// <summary>
    /// Pods added per period at most. Lesson 1: "smaller increments (±2–5 workers)"; the upper end,
    /// because lesson 2 asks to be "slightly aggressive with scale-up" to cover the 30–60 s startup.
    /// </summary>
    public const int ScaleUpPods = 4;

    /// <summary>
    /// Pods removed per period at most, once the 10-minute window has passed (lesson 1: "±2–5
    /// workers"). The upper end: `simulate` showed the lower one, 2, holding the large tier's default
    /// pool 78 pod-minutes longer per spike (1001 against 923) with no gain in wait and no fewer
    /// reversals in any scenario; the window, not the step, is what keeps the next burst's pods.
    /// </summary>
    public const int ScaleDownPods = 5;

    /// <summary>
    /// From scheduling to consuming: image, start, broker connect. Lesson 2 of the autoscaling article:
    /// new workers need 30 to 60 seconds before they take tasks; the middle. The simulator's pods and the cold-start check of a
    /// pool at zero use it.
    /// </summary>
    public const int PodStartSeconds = 45;

    /// <summary>Length of one rate period, seconds.</summary>
    public const int PeriodSeconds = 60;

    /// <summary>Scale up on the current reading: a backlog only grows while we wait (lesson 2).</summary>
    public const int ScaleUpStabilizationSeconds = 0;

    /// <summary>
    /// Scale down only on the highest recommendation of the last 10 minutes (docs/decisions/0002-keda-by-default.md; lesson 1:
    /// "longer observation windows"), so a queue that drains in minutes does not shed the pods the
    /// next burst needs.
    /// </summary>
    public const int ScaleDownStabilizationSeconds = 600;

    /// <summary>
    /// Minutes before a pool's working hours that its cron trigger raises the floor: KEDA reads the
    /// trigger at the HPA's next 15-second sync (or at its polling interval for a pool at zero, at
    /// most a minute in the tiers), a pod starts in <see cref="PodStartSeconds"/>, and a new node for it
    /// takes a few minutes more; five minutes covers them.
    /// </summary>
    public const int PrewarmLeadMinutes = 5;
}
