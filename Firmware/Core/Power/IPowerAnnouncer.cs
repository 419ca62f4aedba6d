namespace SensorNode.Core.Power
{
    /// <summary>
    /// What the <see cref="PowerManager"/> needs from the MQTT publisher (<c>Telemetry.MqttPublisher</c> implements it):
    /// the retained <c>power</c> topic, and a clean hand-over before a deep sleep (flush, availability <c>sleeping</c>,
    /// DISCONNECT so that the broker keeps the will to itself).
    /// </summary>
    /// <remarks>
    /// Contract: the loop-thread calls (<see cref="PublishPower"/>, <see cref="RequestSleep"/>, <see cref="Resume"/>,
    /// <see cref="SavePending"/>) return at once; the publisher's own network work sends. A message counts as announced
    /// once the call has returned: it is then queued for the broker and goes out before anything queued later. Nothing
    /// throws for network trouble.
    /// </remarks>
    public interface IPowerAnnouncer
    {
        /// <summary>True while connected to the broker.</summary>
        bool IsConnected { get; }

        /// <summary>True when nothing waits to be sent (queue, retained state and power, replies).</summary>
        bool IsIdle { get; }

        /// <summary>True after <see cref="RequestSleep"/> once the pending messages and availability "sleeping" went out
        /// and the connection was closed, or at once when there was no connection.</summary>
        bool ReadyForSleep { get; }

        /// <summary>
        /// Sets the retained <c>{root}/power</c> message: <paramref name="mode"/> since node time
        /// <paramref name="sinceMs"/>, why, and the time from now to the next report of a sleeping node
        /// (<paramref name="nextWakeInMs"/>; negative for none).
        /// </summary>
        void PublishPower(string mode, string reason, long sinceMs, long nextWakeInMs);

        /// <summary>Before a deep sleep: send what is pending, publish availability "sleeping", disconnect cleanly.</summary>
        void RequestSleep();

        /// <summary>A sleep was called off (or light sleep ended): connect again as usual.</summary>
        void Resume();

        /// <summary>
        /// Last call before a deep sleep: keep the events not yet delivered in flash, so that the next boot sends them
        /// with their sequence numbers (the publisher's one queue-and-sequence mechanism; nothing is written when nothing
        /// is pending).
        /// </summary>
        void SavePending();
    }
}
