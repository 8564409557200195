namespace Superset.Analysis.Simulation;

/// <summary>
/// The oracle's first pass: slot by slot, the fewest pods whose children, taking tasks in arrival
/// order each as soon as one is free, keep the late tasks (started after arrival + the wait target,
/// or not started by then) within <c>share</c> of the tasks due so far. Pods are pooled children here
/// (the run that judges the oracle has whole pods); a pod removed at a slot's start keeps its
/// children busy until their tasks end, and new pods are ready at the slot's start (started ahead).
/// </summary>
internal static class OracleSlots
{
    /// <summary>
    /// Pods needed in each slot of <paramref name="slotSeconds"/>: the fewest that, held from the
    /// slot's start for the lookahead and a slot more, keep the late tasks due by then within
    /// <paramref name="share"/> (a receding horizon: the slot takes that count, the next slot looks
    /// again). Looking a wait target ahead spreads a long-target queue's work over its target instead
    /// of serving every task at its deadline; looking less ahead defers work to the pods a ramp will
    /// bring anyway. <see cref="Oracle.Result"/> tries several.
    /// </summary>
    public static int[] Need(IReadOnlyList<TaskArrival> arrivals, int duration, int concurrency, (int WaitTarget, int Lookahead) seconds, int floor, double share, int slotSeconds)
    {
        var (waitTarget, lookahead) = seconds;
        var slots = (duration + slotSeconds - 1) / slotSeconds;
        var need = new int[slots];
        var state = new State(concurrency);
        for (var k = 0; k < slots; k++)
        {
            var from = k * slotSeconds;
            var end = Math.Min(duration, from + slotSeconds);
            var horizon = Math.Min(duration, end + lookahead);
            var previous = k == 0 ? floor : need[k - 1];
            bool Fits(int n)
            {
                var trial = state.Clone();
                var late = 0;
                for (var t = from; t < horizon; t += slotSeconds)
                {
                    var to = Math.Min(horizon, t + slotSeconds);
                    trial.Run(arrivals, t, to, n, waitTarget, Due(arrivals, to, waitTarget));
                    late = trial.Late;
                }

                return late <= (int)Math.Floor(share * Due(arrivals, horizon, waitTarget));
            }

            // Fewest pods that fit: late tasks never grow with more pods (earlier starts in arrival order).
            var hi = Math.Max(previous, floor);
            while (!Fits(hi))
            {
                hi = Math.Max(hi + 1, hi * 2);
            }

            var lo = floor;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (Fits(mid))
                {
                    hi = mid;
                }
                else
                {
                    lo = mid + 1;
                }
            }

            need[k] = hi;
            state.Run(arrivals, from, end, hi, waitTarget, Due(arrivals, end, waitTarget));
        }

        return need;
    }

    /// <summary>Tasks whose deadline (arrival + wait target) is before <paramref name="t"/>: a prefix of the arrivals.</summary>
    private static int Due(IReadOnlyList<TaskArrival> arrivals, double t, int waitTarget)
    {
        int lo = 0, hi = arrivals.Count;
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

        public State Clone()
        {
            var copy = new State(concurrency) { heap = (double[])heap.Clone(), size = size, pods = pods, head = head, counted = counted, Late = Late };
            return copy;
        }

        /// <summary>One slot [from, to) with <paramref name="n"/> pods; tasks due before <paramref name="to"/> not yet started count late.</summary>
        public void Run(IReadOnlyList<TaskArrival> arrivals, double from, double to, int n, int waitTarget, int due)
        {
            Resize(n, from);
            while (head < arrivals.Count && arrivals[head].Time < to && size > 0)
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

        private void Down(int i)
        {
            while (true)
            {
                var (l, r, m) = ((2 * i) + 1, (2 * i) + 2, i);
                if (l < size && heap[l] < heap[m])
                {
                    m = l;
                }

                if (r < size && heap[r] < heap[m])
                {
                    m = r;
                }

                if (m == i)
                {
                    return;
                }

                (heap[i], heap[m]) = (heap[m], heap[i]);
                i = m;
            }
        }
    }
}
