namespace Superset.Configuration;

/// <summary>Superset's global async queries (GAQ): chart queries run on Celery, the browser is told when they finish.</summary>
/// <param name="Enabled">The GLOBAL_ASYNC_QUERIES feature flag.</param>
/// <param name="Transport"><c>polling</c> (works behind any ingress) or <c>ws</c> (Superset's websocket server).</param>
/// <param name="PollingDelayMs">GLOBAL_ASYNC_QUERIES_POLLING_DELAY: how often the browser asks (Superset's default 500).</param>
/// <param name="WebsocketImage">Image of superset-websocket (Apache publishes none; build superset-websocket/): required for <c>ws</c>.</param>
/// <param name="WarmupDashboards">Dashboards the cache queue warms ahead of their data cache expiry (cache-warmup's top_n_dashboards); 0 turns warm-up off.</param>
public sealed record AsyncQuerySettings(bool Enabled, string Transport, int PollingDelayMs, string? WebsocketImage, int WarmupDashboards);
