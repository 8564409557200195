using Superset.Render;

// `dotnet run --project render -- <stack> --out <dir>`: the program's resources, rendered offline.
return await RenderCommand.Create(Directory.GetCurrentDirectory()).Parse(args).InvokeAsync();
