namespace NetPath.Clinical.Trials;

/// <summary>A position on the earth in decimal degrees (WGS 84), such as the clinic's or a trial site's.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    private const double EarthRadiusKm = 6371.0088;

    /// <summary>Great-circle distance (haversine); a few kilometres off at most, plenty to rank sites by nearness.</summary>
    public double KilometresTo(GeoPoint other)
    {
        static double Rad(double degrees) => degrees * Math.PI / 180;
        var dLat = Rad(other.Latitude - Latitude);
        var dLon = Rad(other.Longitude - Longitude);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(Rad(Latitude)) * Math.Cos(Rad(other.Latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    public static bool IsValid(double latitude, double longitude) => latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180;
}
