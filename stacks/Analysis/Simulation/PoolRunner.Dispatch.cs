namespace Superset.Analysis.Simulation;

/// <summary>How a <see cref="PoolRunner"/>'s pods free their children, fetch messages and start tasks.</summary>
internal sealed partial class PoolRunner
{
    private static void Complete(Pod pod, int t)
    {
        // Tasks that ended free their slots (in place, in order: no closure per pod and second).
        pod.Freed.Clear();
        if (pod.Running.Count == 0)
        {
            return;
        }

        var kept = 0;
        for (var k = 0; k < pod.Running.Count; k++)
        {
            var end = pod.Running[k];
            if (end <= t)
            {
                pod.Freed.Add(end);
            }
            else
            {
                pod.Running[kept++] = end;
            }
        }

        pod.Running.RemoveRange(kept, pod.Running.Count - kept);
        if (pod.Freed.Count > 1)
        {
            pod.Freed.Sort();
        }
    }

    /// <summary>Round robin over the ready pods with room: each takes the next message in turn.</summary>
    private void Fetch()
    {
        var any = true;
        while (any && Lists > 0)
        {
            any = false;
            foreach (var pod in taking)
            {
                if (pod.Held < workers.Held && TryDequeue(out var task))
                {
                    pod.Reserved.Enqueue(task);
                    any = true;
                }
            }
        }
    }

    private bool TryDequeue(out TaskArrival task) => restored.TryPop(out task) || queue.TryDequeue(out task);

    /// <summary>
    /// A slot freed during the last second takes its next task at the moment it freed, not at the
    /// tick: the model stays exact for queueing, whatever the step.
    /// </summary>
    private void Start(Pod pod, int t)
    {
        var f = 0;
        while (pod.Running.Count < workers.Concurrency && pod.Reserved.Count > 0)
        {
            var task = pod.Reserved.Dequeue();
            var idleSlots = workers.Concurrency - pod.Running.Count - (pod.Freed.Count - f);
            var freeAt = idleSlots > 0 ? Math.Max(pod.ReadyAt, t - 1) : pod.Freed[f++];
            var start = Math.Max(task.Time, freeAt);
            waits.Add(start - task.Time);
            pod.Running.Add(start + task.ServiceSeconds);
        }
    }
}
