namespace Superset.Configuration;

/// <summary>Flower, Celery's web monitor: optional, always behind basic auth.</summary>
/// <param name="Enabled">Deploy Flower (a Deployment and a ClusterIP Service: reach it with a port-forward).</param>
/// <param name="Ingress">Also serve it at <c>/flower</c> on the Superset host, still behind its basic auth.</param>
public sealed record FlowerSettings(bool Enabled, bool Ingress);
