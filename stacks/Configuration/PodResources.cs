namespace Superset.Configuration;

/// <summary>What one pod asks for: CPU (a request, no limit) and memory (request = limit).</summary>
/// <param name="CpuMillis">CPU request in millicores.</param>
/// <param name="MemoryMi">Memory request and limit in MiB.</param>
public sealed record PodResources(int CpuMillis, int MemoryMi);
