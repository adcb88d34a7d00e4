namespace PLKumkm.Bot.Webhooks;

/// <summary>
/// HTTP routes a feature contributes to the listener. Registered as services by the feature's
/// <c>Add…</c> extension, and mapped by the host once it has built the web application.
/// </summary>
internal interface IHttpRoutes
{
    void Map(IEndpointRouteBuilder routes);
}
