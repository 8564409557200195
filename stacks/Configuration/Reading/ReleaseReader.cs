using Superset.Catalog;

namespace Superset.Configuration.Reading;

/// <summary>Reads which Superset release a stack runs, from <c>superset:image</c> and <c>superset:supersetVersion</c>.</summary>
internal static class ReleaseReader
{
    /// <summary>
    /// The release a stack runs: <c>superset:supersetVersion</c> when set (required where the image
    /// tag names no version, e.g. a digest), else the version in the image tag. An unknown version
    /// or a version that contradicts the tag is an error naming the key.
    /// </summary>
    public static SupersetRelease Resolve(string image, string? explicitVersion, List<SettingsError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (SupersetReleases.HasPostgresDriver(image) == false)
        {
            errors.Add(new SettingsError("superset:image", image,
                $"an image with a PostgreSQL driver, which the metadata database needs: the official lean images have no database driver (docs/versions.md); " +
                $"use the -dev tag ({image}-dev) for a trial, or build docker/Dockerfile on {image} (it adds psycopg2-binary)"));
        }

        var known = string.Join(", ", SupersetReleases.All.Keys);
        var fromTag = SupersetReleases.VersionOfImage(image);
        if (explicitVersion is not null)
        {
            if (!SupersetReleases.All.TryGetValue(explicitVersion, out var release))
            {
                errors.Add(new SettingsError("superset:supersetVersion", explicitVersion,
                    $"a Superset release in the catalog ({known}; stacks/Catalog/SupersetReleases.cs)"));
                return SupersetReleases.Default;
            }

            if (fromTag is not null && fromTag != explicitVersion)
            {
                errors.Add(new SettingsError("superset:supersetVersion", explicitVersion,
                    $"the version in the tag of superset:image ({image} is {fromTag}), or no supersetVersion"));
            }

            return release;
        }

        if (fromTag is null)
        {
            errors.Add(new SettingsError("superset:supersetVersion", "(missing)",
                $"the Superset release of {image} ({known}): its tag names no version, and the Celery modules, tasks and config keys differ by release"));
            return SupersetReleases.Default;
        }

        if (!SupersetReleases.All.TryGetValue(fromTag, out var tagged))
        {
            errors.Add(new SettingsError("superset:image", image,
                $"an image of a Superset release in the catalog ({known}); {fromTag} is not in stacks/Catalog/SupersetReleases.cs (docs/versions.md, \"Superset versions\")"));
            return SupersetReleases.Default;
        }

        return tagged;
    }
}
