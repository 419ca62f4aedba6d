using System;
using System.Collections.Generic;

namespace SensorNode.SubsetGuard
{
    /// <summary>The nanoFramework packages a device project references (its packages.config).</summary>
    internal sealed class DevicePackages
    {
        private readonly HashSet<string> ids;

        /// <param name="packageIds">Null for no restriction (an analysis not tied to a project).</param>
        public DevicePackages(IEnumerable<string> packageIds, string where)
        {
            ids = packageIds == null ? null : new HashSet<string>(packageIds, StringComparer.OrdinalIgnoreCase);
            Where = where;
        }

        /// <summary>Names the packages.config, for messages.</summary>
        public string Where { get; }

        public bool Has(string packageId) => ids == null || ids.Contains(packageId);
    }
}
