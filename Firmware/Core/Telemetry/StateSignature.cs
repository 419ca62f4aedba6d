using SensorNode.Core.Node;

namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// A 32-bit fingerprint of the discrete part of a <see cref="NodeSnapshot"/>: what makes a new retained state worth
    /// publishing at once. Covered: health, machine state, power mode and request, alarm/fault/watch counts, each
    /// channel's level and learned flag, each sensor's status, the ISO zone and the dropped count. Not covered (they go
    /// out at the report period instead): feature values, scores, uptime, window count, queue depth and the newest event's
    /// number (events have a topic of their own; a fleet of nodes would otherwise resend its 1 KB state with every
    /// event). FNV-1a over the values; allocation-free.
    /// </summary>
    public static class StateSignature
    {
        /// <summary>The fingerprint of <paramref name="snapshot"/>.</summary>
        public static int Compute(NodeSnapshot snapshot)
        {
            uint hash = 2166136261u;
            hash = Mix(hash, (int)snapshot.Health);
            hash = Mix(hash, (int)snapshot.Machine);
            hash = MixText(hash, snapshot.PowerMode);
            hash = Mix(hash, (int)snapshot.RequestedPowerMode);
            hash = Mix(hash, snapshot.AlarmCount);
            hash = Mix(hash, snapshot.FaultCount);
            hash = Mix(hash, snapshot.WatchCount);
            for (int channel = 0; channel < NodeChannels.Count; channel++)
            {
                hash = Mix(hash, (int)snapshot.ChannelLevel(channel));
                hash = Mix(hash, snapshot.ChannelLearned(channel) ? 1 : 0);
            }

            for (int sensor = 0; sensor < NodeSensors.Count; sensor++)
            {
                hash = Mix(hash, (int)snapshot.SensorStatus(sensor));
            }

            hash = Mix(hash, (int)snapshot.IsoZone);
            hash = Mix(hash, snapshot.DroppedCount);
            return (int)hash;
        }

        private static uint Mix(uint hash, int value)
        {
            for (int i = 0; i < 4; i++)
            {
                hash ^= (uint)((value >> (8 * i)) & 0xFF);
                hash *= 16777619u;
            }

            return hash;
        }

        private static uint MixText(uint hash, string text)
        {
            if (text == null)
            {
                return Mix(hash, -1);
            }

            for (int i = 0; i < text.Length; i++)
            {
                hash = Mix(hash, text[i]);
            }

            return hash;
        }
    }
}
