namespace SensorNode.Core.Config
{
    /// <summary>How a setting's text is validated and stored.</summary>
    public enum SettingType
    {
        /// <summary>A decimal integer within <see cref="SettingDefinition.MinValue"/>..<see cref="SettingDefinition.MaxValue"/>.</summary>
        Int,

        /// <summary>on/off; true/false and 1/0 are accepted too, case-insensitive.</summary>
        Bool,

        /// <summary>Printable ASCII of at most <see cref="SettingDefinition.MaxLength"/> characters.</summary>
        Text,

        /// <summary>One of <see cref="SettingDefinition.Choices"/>, case-insensitive.</summary>
        Choice,
    }
}
