namespace Superset.Analysis.Simulation;

/// <summary>
/// The oracle's first pass: slot by slot, the fewest pods whose children, taking tasks in arrival
/// order each as soon as one is free, keep the late tasks (started after arrival + the wait target,
/// or not started by then) within <c>share</c> of the tasks due so far. Pods are pooled children here
/// (the run that judges the oracle has whole pods); a pod removed at a slot's start keeps its
/// children busy until their tasks end, and new pods are ready at the slot's start (started ahead).
/// </summary>
internal sealed class OracleSlots
{
    private readonly TaskArrival[] arrivals;
    private readonly int duration;
    private readonly int concurrency;
    private readonly int waitTarget;
    private readonly int slotSeconds;
    private readonly int[] due;

    /// <summary>One pool's day, shared by every <see cref="Need"/> of the oracle's knob search.</summary>
    public OracleSlots(IReadOnlyList<TaskArrival> arrivals, int duration, int concurrency, int waitTarget, int slotSeconds)
    {
        this.arrivals = arrivals as TaskArrival[] ?? [.. arrivals];
        (this.duration, this.concurrency, this.waitTarget, this.slotSeconds) = (duration, concurrency, waitTarget, slotSeconds);

        // Every time the search asks about is a whole second of the day: count each once.
        due = new int[Math.Max(0, duration) + 1];
        for (var t = 0; t < due.Length; t++)
        {
            due[t] = Due(this.arrivals, t, waitTarget);
        }
    }

    /// <summary>
    /// Pods needed in each slot of the day: the fewest that, held from the slot's start for the
    /// <paramref name="lookahead"/> and a slot more, keep the late tasks due by then within
    /// <paramref name="share"/> (a receding horizon: the slot takes that count, the next slot looks
    /// again). Looking a wait target ahead spreads a long-target queue's work over its target instead
    /// of serving every task at its deadline; looking less ahead defers work to the pods a ramp will
    /// bring anyway. <see cref="Oracle.Result"/> tries several.
    /// </summary>
    public int[] Need(int lookahead, int floor, double share)
    {
        var slots = (duration + slotSeconds - 1) / slotSeconds;
        var need = new int[slots];
        var (state, trial) = (new State(concurrency), new State(concurrency));

        // The trial that fitted with the slot's count, at its horizon, is where a trial of the same count
        // from the next slot's state passes (the state ran that count to there): such a trial goes on
        // from it. Where a slot ends does not change what a trial computes: a task starts once a child
        // is free before the slot's end, and a task is late when it starts after its deadline or is
        // still waiting past it, whichever boundary notices.
        var (kept, fitted) = (new State(concurrency), new State(concurrency));
        var (keptPods, keptAt) = (-1, 0);
        for (var k = 0; k < slots; k++)
        {
            var from = k * slotSeconds;
            var end = Math.Min(duration, from + slotSeconds);
            var horizon = Math.Min(duration, end + lookahead);
            var budget = (int)Math.Floor(share * due[horizon]);
            var fittedPods = -1;
            bool Fits(int n)
            {
                var t = n == keptPods ? keptAt : from;
                trial.CopyFrom(n == keptPods ? kept : state);

                // Late tasks only accumulate: a trial over its budget is done.
                for (; t < horizon && trial.Late <= budget; t += slotSeconds)
                {
                    var to = Math.Min(horizon, t + slotSeconds);
                    trial.Run(arrivals, t, to, n, waitTarget, due[to]);
                }

                if (trial.Late > budget)
                {
                    return false;
                }

                if (fittedPods < 0 || n < fittedPods)
                {
                    (fittedPods, trial, fitted) = (n, fitted, trial);
                }

                return true;
            }

            need[k] = Fewest(Fits, Math.Max(k == 0 ? floor : need[k - 1], floor), floor);
            (kept, fitted, keptPods, keptAt) = (fitted, kept, fittedPods == need[k] ? need[k] : -1, horizon);
            state.Run(arrivals, from, end, need[k], waitTarget, due[end]);
        }

        return need;
    }

    /// <summary>
    /// The fewest pods at or above <paramref name="floor"/> that fit, searched outwards from
    /// <paramref name="guess"/> (the previous slot's count: most slots keep it). Late tasks never grow
    /// with more pods: from the same children, n + 1 pods keep a superset of n's (a removed pod takes
    /// the children that free first, an added one brings children free at the slot's start), and
    /// taking tasks in arrival order each on the first child free, a superset of children starts no
    /// task later. So any search for the boundary finds the same count.
    /// </summary>
    private static int Fewest(Func<int, bool> fits, int guess, int floor)
    {
        int lo, hi;
        if (fits(guess))
        {
            (lo, hi) = (floor, guess);
            for (var step = 1; hi - step >= floor; step *= 2)
            {
                if (!fits(hi - step))
                {
                    lo = hi - step + 1;
                    break;
                }

                hi -= step;
            }
        }
        else
        {
            (lo, hi) = (guess + 1, guess + 1);
            for (var step = 1; !fits(hi); step *= 2)
            {
                lo = hi + 1;
                hi += step;
            }
        }

        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (fits(mid))
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return hi;
    }

    /// <summary>Tasks whose deadline (arrival + wait target) is before <paramref name="t"/>: a prefix of the arrivals.</summary>
    private static int Due(TaskArrival[] arrivals, double t, int waitTarget)
    {
        int lo = 0, hi = arrivals.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (arrivals[mid].Time + waitTarget < t)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The children's free times (a binary heap), the next task to start and the late count.</summary>
    private sealed class State(int concurrency)
    {
        private double[] heap = new double[16];
        private int size;
        private int pods;
        private int head;
        private int counted; // tasks below this index already counted late while waiting
        public int Late { get; private set; }

        /// <summary>Becomes a copy of <paramref name="other"/>, reusing its own heap's memory.</summary>
        public void CopyFrom(State other)
        {
            if (heap.Length < other.size)
            {
                heap = new double[other.heap.Length];
            }

            Array.Copy(other.heap, heap, other.size);
            (size, pods, head, counted, Late) = (other.size, other.pods, other.head, other.counted, other.Late);
        }

        /// <summary>One slot [from, to) with <paramref name="n"/> pods; tasks due before <paramref name="to"/> not yet started count late.</summary>
        public void Run(TaskArrival[] arrivals, double from, double to, int n, int waitTarget, int due)
        {
            Resize(n, from);
            while (head < arrivals.Length && arrivals[head].Time < to && size > 0)
            {
                var task = arrivals[head];
                var start = Math.Max(task.Time, heap[0]);
                if (start >= to)
                {
                    break;
                }

                if (start > task.Time + waitTarget && head >= counted)
                {
                    Late++;
                }

                Replace(start + task.ServiceSeconds);
                head++;
            }

            // Due and still waiting: late whenever they start.
            if (due > Math.Max(head, counted))
            {
                Late += due - Math.Max(head, counted);
                counted = due;
            }
        }

        private void Resize(int n, double at)
        {
            for (; pods < n; pods++)
            {
                for (var c = 0; c < concurrency; c++)
                {
                    Push(at);
                }
            }

            for (; pods > n; pods--)
            {
                // The children that free first leave with the pod (busy ones finish on it, out of reach).
                for (var c = 0; c < concurrency; c++)
                {
                    Pop();
                }
            }
        }

        private void Push(double value)
        {
            if (size == heap.Length)
            {
                Array.Resize(ref heap, size * 2);
            }

            var i = size++;
            heap[i] = value;
            while (i > 0 && heap[(i - 1) / 2] > heap[i])
            {
                (heap[i], heap[(i - 1) / 2]) = (heap[(i - 1) / 2], heap[i]);
                i = (i - 1) / 2;
            }
        }

        private void Pop()
        {
            heap[0] = heap[--size];
            Down(0);
        }

        private void Replace(double value)
        {
            heap[0] = value;
            Down(0);
        }

        /// <summary>Sifts the value at <paramref name="i"/> down: children move up into the hole until it fits.</summary>
        private void Down(int i)
        {
            var value = heap[i];
            while (true)
            {
                var child = (2 * i) + 1;
                if (child >= size)
                {
                    break;
                }

                if (child + 1 < size && heap[child + 1] < heap[child])
                {
                    child++;
                }

                if (!(heap[child] < value))
                {
                    break;
                }

                heap[i] = heap[child];
                i = child;
            }

            heap[i] = value;
        }
    }
}
