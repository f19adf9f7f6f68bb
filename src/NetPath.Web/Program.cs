// The web server's own entry point; `netpath serve` calls the same NetPathServer.RunAsync.
return await NetPath.Web.NetPathServer.RunAsync(args, CancellationToken.None).ConfigureAwait(false);
