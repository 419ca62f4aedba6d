namespace SensorNode.Core.Config
{
    /// <summary>What <see cref="ConfigStore.Load"/> found.</summary>
    public enum ConfigLoadOutcome
    {
        /// <summary>config.dat was intact and is in use (unknown or invalid lines may still have been counted).</summary>
        Loaded,

        /// <summary>No config file exists (first boot): the defaults are in use.</summary>
        Defaults,

        /// <summary>config.dat was missing, corrupt, partial or unreadable: the backup or the defaults are in use.</summary>
        Recovered,
    }
}
