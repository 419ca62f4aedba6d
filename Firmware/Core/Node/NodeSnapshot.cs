using SensorNode.Core.Anomaly;
using SensorNode.Core.Machine;
using SensorNode.Core.Signal;

namespace SensorNode.Core.Node
{
    /// <summary>
    /// The node's state after the last window: what the console's <c>status</c> prints and what MQTT publishes as
    /// <c>{root}/state</c> (both through <see cref="StateJson"/> for JSON). One object, owned and updated in place by
    /// <see cref="SensorNodeCore"/> once per window and on config, mode and event changes; reading it allocates nothing.
    /// </summary>
    public sealed class NodeSnapshot
    {
        private readonly int[] featureValues = new int[NodeFeatures.Count];
        private readonly bool[] featureValid = new bool[NodeFeatures.Count];
        private readonly ChannelLevel[] channelLevels = new ChannelLevel[NodeChannels.Count];
        private readonly int[] channelScoresQ15 = new int[NodeChannels.Count];
        private readonly bool[] channelLearned = new bool[NodeChannels.Count];
        private readonly SensorReadStatus[] sensorStatus = new SensorReadStatus[NodeSensors.Count];
        private readonly long[] sensorGoodReads = new long[NodeSensors.Count];
        private readonly long[] sensorBadReads = new long[NodeSensors.Count];

        /// <summary>
        /// An empty snapshot, as before the first window (sensors not ready, everything ok). The scheduler owns the one
        /// that matters; this constructor serves publishers' and formatters' tests.
        /// </summary>
        public NodeSnapshot()
        {
            for (int i = 0; i < NodeSensors.Count; i++)
            {
                sensorStatus[i] = SensorReadStatus.NotReady;
            }
        }

        /// <summary>The MQTT node id: the node.id setting, or the composition root's MAC-based default when it is empty.</summary>
        public string NodeId { get; internal set; }

        /// <summary>The firmware version.</summary>
        public string Firmware => FirmwareVersion.Text;

        /// <summary>Node time at the last update, ms since boot.</summary>
        public long UptimeMs { get; internal set; }

        /// <summary>Windows finished since boot.</summary>
        public long WindowCount { get; internal set; }

        /// <summary>Worst channel level (see <see cref="HealthAggregator.Health"/>).</summary>
        public ChannelLevel Health { get; internal set; }

        /// <summary>Worst level of the channels not in fault: the machine's condition as the node sees it.</summary>
        public ChannelLevel MachineLevel { get; internal set; }

        /// <summary>Channels in alarm.</summary>
        public int AlarmCount { get; internal set; }

        /// <summary>Channels in fault.</summary>
        public int FaultCount { get; internal set; }

        /// <summary>Channels in watch.</summary>
        public int WatchCount { get; internal set; }

        /// <summary>What the machine is doing.</summary>
        public MachineState Machine { get; internal set; }

        /// <summary>Node time of the last machine state change, ms (0 before the first).</summary>
        public long MachineSinceMs { get; internal set; }

        /// <summary>The power mode in effect ("active", "eco" or "sleep"), set by the power manager; "active" without one.</summary>
        public string PowerMode { get; internal set; } = "active";

        /// <summary>
        /// What woke the node last (<see cref="NodeNames.Wake"/>: power_on, timer, console_uart, pin, other): the boot's
        /// cause, then each light sleep's; set by the power manager, "" without one.
        /// </summary>
        public string WakeCause { get; internal set; } = "";

        /// <summary>The power mode last asked for with the <c>mode</c> command (auto at boot).</summary>
        public PowerModeRequest RequestedPowerMode { get; internal set; }

        /// <summary>ISO 10816-3 zone of <see cref="NodeFeatures.VelocityRms"/> for the configured group and foundation.</summary>
        public IsoZone IsoZone { get; internal set; }

        /// <summary>Vibration frames per second of the front end, Hz.</summary>
        public int VibrationSampleRateHz { get; internal set; }

        /// <summary>Vibration axes of the front end.</summary>
        public int VibrationAxisCount { get; internal set; }

        /// <summary>Vibration frames in the last window.</summary>
        public int VibrationFrames { get; internal set; }

        /// <summary>Vibration frames lost in the last window: overruns and frames beyond the window's capacity.</summary>
        public int VibrationFramesLost { get; internal set; }

        /// <summary>Events queued for the broker (from the publisher).</summary>
        public int QueueDepth { get; internal set; }

        /// <summary>Events dropped by the publisher since boot.</summary>
        public int DroppedCount { get; internal set; }

        /// <summary>True while the publisher is connected.</summary>
        public bool Connected { get; internal set; }

        /// <summary>Sequence number of the newest event.</summary>
        public long LastEventSeq { get; internal set; }

        /// <summary>Exceptions caught in the scheduler's steps since boot, all subsystems.</summary>
        public long ErrorCount { get; internal set; }

        /// <summary>Scaled value of a <see cref="NodeFeatures"/> feature (see there for the scaling); 0 when not valid.</summary>
        public int FeatureValue(int feature) => featureValues[feature];

        /// <summary>True when the feature was measured in the last window.</summary>
        public bool FeatureValid(int feature) => featureValid[feature];

        /// <summary>Level of a <see cref="NodeChannels"/> channel.</summary>
        public ChannelLevel ChannelLevel(int channel) => channelLevels[channel];

        /// <summary>Anomaly score of the channel's last window, Q1.15 (0 while learning, faulted or not running).</summary>
        public int ChannelScoreQ15(int channel) => channelScoresQ15[channel];

        /// <summary>True once the channel's baseline is learned.</summary>
        public bool ChannelLearned(int channel) => channelLearned[channel];

        /// <summary>False when the channel's sensor is not fitted: the channel is left out of health and output.</summary>
        public bool ChannelFitted(int channel) => sensorStatus[NodeChannels.Sensor(channel)] != SensorReadStatus.NotFitted;

        /// <summary>Last status of a <see cref="NodeSensors"/> sensor (NotReady before its first read).</summary>
        public SensorReadStatus SensorStatus(int sensor) => sensorStatus[sensor];

        /// <summary>Reads of the sensor that gave data, since boot.</summary>
        public long SensorGoodReads(int sensor) => sensorGoodReads[sensor];

        /// <summary>Reads of the sensor that gave none (faults; not fitted and not-ready reads excluded), since boot.</summary>
        public long SensorBadReads(int sensor) => sensorBadReads[sensor];

        internal void SetFeature(int feature, int value, bool valid)
        {
            featureValues[feature] = valid ? value : 0;
            featureValid[feature] = valid;
        }

        internal void SetChannel(int channel, ChannelLevel level, int scoreQ15, bool learned)
        {
            channelLevels[channel] = level;
            channelScoresQ15[channel] = scoreQ15;
            channelLearned[channel] = learned;
        }

        internal void RecordRead(int sensor, SensorReadStatus status, bool hasData)
        {
            sensorStatus[sensor] = status;
            if (hasData)
            {
                sensorGoodReads[sensor]++;
            }
            else if (status != SensorReadStatus.NotFitted && status != SensorReadStatus.NotReady)
            {
                sensorBadReads[sensor]++;
            }
        }
    }
}
