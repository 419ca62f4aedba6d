using SensorNode.Hardware;
using SensorNode.Hardware.Virtual.Chips;

namespace SensorNode.Drivers.Tests.Support
{
    /// <summary>
    /// An <see cref="IRegisterBus"/> in front of a chip model on a <see cref="SupplyRail"/> that passes every transfer on
    /// and counts those made while the rail was off, or on for less than a start-up time: a front end that switches the
    /// rail in the right order makes neither.
    /// </summary>
    public sealed class RailWatchBus : IRegisterBus
    {
        private readonly IRegisterBus _chip;
        private readonly SupplyRail _rail;
        private readonly IClock _clock;
        private readonly long _startUpUs;

        /// <summary>Watches transfers to <paramref name="chip"/>, whose supply is <paramref name="rail"/>.</summary>
        public RailWatchBus(IRegisterBus chip, SupplyRail rail, IClock clock, int startUpMs)
        {
            _chip = chip;
            _rail = rail;
            _clock = clock;
            _startUpUs = startUpMs * 1000L;
        }

        /// <summary>Transfers passed on.</summary>
        public int Transfers { get; private set; }

        /// <summary>Transfers made while the rail was off.</summary>
        public int UnpoweredTransfers { get; private set; }

        /// <summary>Transfers made while the rail was on, but for less than the start-up time.</summary>
        public int EarlyTransfers { get; private set; }

        /// <inheritdoc/>
        public BusStatus Write(byte[] buffer, int offset, int count)
        {
            Count();
            return _chip.Write(buffer, offset, count);
        }

        /// <inheritdoc/>
        public BusStatus Read(byte[] buffer, int offset, int count)
        {
            Count();
            return _chip.Read(buffer, offset, count);
        }

        /// <inheritdoc/>
        public BusStatus WriteRead(
            byte[] writeBuffer, int writeOffset, int writeCount,
            byte[] readBuffer, int readOffset, int readCount)
        {
            Count();
            return _chip.WriteRead(writeBuffer, writeOffset, writeCount, readBuffer, readOffset, readCount);
        }

        private void Count()
        {
            Transfers++;
            if (!_rail.IsOn)
            {
                UnpoweredTransfers++;
            }
            else if (_clock.MonotonicUs - _rail.LastSwitchOnUs < _startUpUs)
            {
                EarlyTransfers++;
            }
        }
    }
}
