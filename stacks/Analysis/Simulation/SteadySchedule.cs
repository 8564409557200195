namespace Superset.Analysis.Simulation;

/// <summary>A schedule of pods paid per slot and the reversals the dynamic programme counted on it.</summary>
/// <param name="Paid">Pods that exist in each slot (started, starting or finishing): what the simulator's replica count shows.</param>
/// <param name="Reversals">Direction changes less than <see cref="SteadySchedule.WindowSlots"/> slots after the previous change.</param>
public sealed record PaidSchedule(int[] Paid, int Reversals);

/// <summary>
/// The dynamic programme of <see cref="SteadyOracle"/>: the cheapest pods paid per slot, at or above
/// what the pods ready must be (each pod added is ready <c>lead</c> slots later), with a price per
/// reversal. The state is the pods, the direction of the last change and the slots since it (capped at
/// <see cref="WindowSlots"/>), so a reversal is priced exactly as <see cref="PoolSimulator"/> counts it:
/// a change of direction less than 600 s after the previous change (PoolRunner.Change). Each slot costs
/// O(pods × <see cref="WindowSlots"/>): the changes into a pod count take prefix and suffix minima, as
/// <see cref="Oracle.Smooth"/> does.
/// </summary>
public static class SteadySchedule
{
    /// <summary>Slots in the simulator's reversal window: 600 s (PoolRunner.Change) over the oracle's 15 s slots.</summary>
    public const int WindowSlots = 600 / Oracle.SlotSeconds;

    private const int Cap = WindowSlots - 1; // "the next change is not within the window"
    private const int Dirs = 2; // 0 = the last change was up (or none yet), 1 = down

    /// <summary>
    /// The pods that must exist in each slot so that <paramref name="ready"/> are ready in it: a pod
    /// needed ready in slot s must have been added by slot s − <paramref name="lead"/>, and exists from then on.
    /// </summary>
    public static int[] Paid(IReadOnlyList<int> ready, int lead)
    {
        ArgumentNullException.ThrowIfNull(ready);
        var paid = new int[ready.Count];
        for (var s = 0; s < paid.Length; s++)
        {
            for (var k = s; k < paid.Length && k <= s + lead; k++)
            {
                paid[s] = Math.Max(paid[s], ready[k]);
            }
        }

        return paid;
    }

    /// <summary>
    /// The script that pays <paramref name="paid"/>: pods ready per slot, the fewest paid over the last
    /// <paramref name="lead"/> slots (<see cref="PoolSimulator.RunScripted"/> starts each ahead by its lead).
    /// </summary>
    public static int[] Script(IReadOnlyList<int> paid, int lead)
    {
        ArgumentNullException.ThrowIfNull(paid);
        var script = new int[paid.Count];
        for (var s = 0; s < script.Length; s++)
        {
            script[s] = paid[s];
            for (var k = Math.Max(0, s - lead); k < s; k++)
            {
                script[s] = Math.Min(script[s], paid[k]);
            }
        }

        return script;
    }

    /// <summary>
    /// The cheapest paid pods at or above <paramref name="floor"/> per slot: each slot costs its pods
    /// for <paramref name="slotSeconds"/>, each pod removed <paramref name="dropSeconds"/> more (the
    /// tasks it finishes), each reversal <paramref name="price"/> seconds more.
    /// </summary>
    public static PaidSchedule Cheapest(IReadOnlyList<int> floor, int slotSeconds, int dropSeconds, double price) =>
        Solve(floor, slotSeconds, dropSeconds, price, true);

    /// <summary>The reversals of <see cref="Cheapest"/>'s schedule, without tracing the schedule back (what a search over the price needs).</summary>
    public static int Reversals(IReadOnlyList<int> floor, int slotSeconds, int dropSeconds, double price) =>
        Solve(floor, slotSeconds, dropSeconds, price, false).Reversals;

    private static PaidSchedule Solve(IReadOnlyList<int> floor, int slotSeconds, int dropSeconds, double price, bool trace)
    {
        ArgumentNullException.ThrowIfNull(floor);
        var k = floor.Count;
        if (k == 0)
        {
            return new PaidSchedule([], 0);
        }

        var max = floor.Max();
        var width = (max + 1) * Dirs * WindowSlots;
        var cost = Fill(width, double.PositiveInfinity);
        var revs = new int[width];
        var next = new double[width];
        var nextRevs = new int[width];
        var states = (max + 1) * Dirs;
        var changedFrom = new int[trace ? k * states : 0]; // per slot, the state a change into (n, d) came from
        var heldShort = new bool[trace ? k * states : 0]; // per slot, the capped state (n, d) came from one slot short of the cap
        for (var n = floor[0]; n <= max; n++)
        {
            cost[At(n, 0, Cap)] = (double)slotSeconds * n;
        }

        var up = new (double Cost, int Revs, int From)[max + 1];
        var down = new (double Cost, int Revs, int From)[max + 1];
        for (var s = 1; s < k; s++)
        {
            Sources(cost, revs, max, dropSeconds, price, up, down);
            Array.Fill(next, double.PositiveInfinity);
            for (var n = floor[s]; n <= max; n++)
            {
                var slot = (double)slotSeconds * n;
                for (var d = 0; d < Dirs; d++)
                {
                    for (var c = 1; c < Cap; c++)
                    {
                        (next[At(n, d, c)], nextRevs[At(n, d, c)]) = (cost[At(n, d, c - 1)] + slot, revs[At(n, d, c - 1)]);
                    }

                    var from38 = cost[At(n, d, Cap - 1)] < cost[At(n, d, Cap)];
                    var held = At(n, d, from38 ? Cap - 1 : Cap);
                    (next[At(n, d, Cap)], nextRevs[At(n, d, Cap)]) = (cost[held] + slot, revs[held]);
                    if (trace)
                    {
                        heldShort[(s * states) + (n * Dirs) + d] = from38;
                    }
                }

                // Up into n from the best below it; down into n from the best above it (each pod removed pays its drop).
                var u = n > 0 ? up[n - 1] : (Cost: double.PositiveInfinity, Revs: 0, From: -1);
                var v = n < max ? down[n + 1] : (Cost: double.PositiveInfinity, Revs: 0, From: -1);
                (next[At(n, 0, 0)], nextRevs[At(n, 0, 0)]) = (u.Cost + slot, u.Revs);
                (next[At(n, 1, 0)], nextRevs[At(n, 1, 0)]) = (v.Cost - ((double)dropSeconds * n) + slot, v.Revs);
                if (trace)
                {
                    (changedFrom[(s * states) + (n * Dirs)], changedFrom[(s * states) + (n * Dirs) + 1]) = (u.From, v.From);
                }
            }

            (cost, next) = (next, cost);
            (revs, nextRevs) = (nextRevs, revs);
        }

        return Back(cost, revs, k, trace ? (changedFrom, heldShort) : null);
    }

    private static int At(int n, int d, int c) => (((n * Dirs) + d) * WindowSlots) + c;

    private static double[] Fill(int width, double value)
    {
        var a = new double[width];
        Array.Fill(a, value);
        return a;
    }

    /// <summary>
    /// For each pod count: the cheapest state to change up from (a running minimum from below) and
    /// to change down from (from above, each pod paying its drop), a reversal within the window paying its price.
    /// </summary>
    private static void Sources(double[] cost, int[] revs, int max, int dropSeconds, double price,
        (double Cost, int Revs, int From)[] up, (double Cost, int Revs, int From)[] down)
    {
        for (var n = 0; n <= max; n++)
        {
            // Per direction of the last change: the cheapest state within the window (a change against it reverses) and the state past it.
            var (upRecent, upPast) = (Recent(cost, revs, n, 0), Past(cost, revs, n, 0));
            var (downRecent, downPast) = (Recent(cost, revs, n, 1), Past(cost, revs, n, 1));
            up[n] = Min(Min(upRecent, upPast), Min(downPast, Priced(downRecent, price)));
            down[n] = Min(Min(downRecent, downPast), Min(upPast, Priced(upRecent, price)));
            if (n > 0 && up[n - 1].Cost < up[n].Cost)
            {
                up[n] = up[n - 1];
            }
        }

        for (var n = max; n >= 0; n--)
        {
            down[n] = (down[n].Cost + ((double)dropSeconds * n), down[n].Revs, down[n].From);
            if (n < max && down[n + 1].Cost < down[n].Cost)
            {
                down[n] = down[n + 1];
            }
        }
    }

    private static (double Cost, int Revs, int From) Min((double Cost, int Revs, int From) a, (double Cost, int Revs, int From) b) => b.Cost < a.Cost ? b : a;

    private static (double Cost, int Revs, int From) Priced((double Cost, int Revs, int From) a, double price) => (a.Cost + price, a.Revs + 1, a.From);

    private static (double Cost, int Revs, int From) Past(double[] cost, int[] revs, int n, int d) => (cost[At(n, d, Cap)], revs[At(n, d, Cap)], At(n, d, Cap));

    /// <summary>The cheapest state at <paramref name="n"/> pods whose last change, in direction <paramref name="d"/>, is within the window.</summary>
    private static (double Cost, int Revs, int From) Recent(double[] cost, int[] revs, int n, int d)
    {
        var at = At(n, d, 0);
        for (var i = at + 1; i < At(n, d, Cap); i++)
        {
            at = cost[i] < cost[at] ? i : at;
        }

        return (cost[at], revs[at], at);
    }

    private static PaidSchedule Back(double[] cost, int[] revs, int k, (int[] ChangedFrom, bool[] HeldShort)? trace)
    {
        var at = 0;
        for (var i = 1; i < cost.Length; i++)
        {
            at = cost[i] < cost[at] ? i : at;
        }

        var reversals = revs[at];
        if (trace is not { } t)
        {
            return new PaidSchedule([], reversals);
        }

        var states = cost.Length / WindowSlots;
        var paid = new int[k];
        for (var s = k - 1; s >= 0; s--)
        {
            var (n, d, c) = (at / (Dirs * WindowSlots), at / WindowSlots % Dirs, at % WindowSlots);
            paid[s] = n;
            var here = (s * states) + (n * Dirs) + d;
            at = s == 0 ? at
                : c == 0 ? t.ChangedFrom[here]
                : c < Cap ? At(n, d, c - 1)
                : At(n, d, t.HeldShort[here] ? Cap - 1 : Cap);
        }

        return new PaidSchedule(paid, reversals);
    }
}
