using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;

namespace Sendblue.Tests.TestSupport
{
    /// <summary>A measurement of the Sendblue meter as a listener saw it.</summary>
    public sealed record Measured(string Instrument, string? Unit, double Value, IReadOnlyDictionary<string, object?> Tags)
    {
        public object? Tag(string name) => Tags.TryGetValue(name, out var value) ? value : null;
    }

    /// <summary>
    /// Subscribes to the <c>Sendblue</c> ActivitySource and Meter the way an OpenTelemetry exporter
    /// does (ActivityListener, MeterListener) and keeps what belongs to one server: the listeners are
    /// process-wide, so other tests' calls are told apart by <c>server.port</c>.
    /// </summary>
    public sealed class TelemetryCapture : IDisposable
    {
        private readonly int _port;
        private readonly ActivityListener _activities;
        private readonly MeterListener _meters;
        private readonly ConcurrentQueue<Activity> _stopped = new();
        private readonly ConcurrentQueue<Measured> _measured = new();

        public TelemetryCapture(Uri server)
        {
            _port = server.Port;
            _activities = new ActivityListener
            {
                ShouldListenTo = source => source.Name == SendblueTelemetry.ActivitySourceName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    if (activity.GetTagItem("server.port") is int port && port == _port)
                    {
                        _stopped.Enqueue(activity);
                    }
                },
            };
            ActivitySource.AddActivityListener(_activities);

            _meters = new MeterListener
            {
                InstrumentPublished = (instrument, listener) =>
                {
                    if (instrument.Meter.Name == SendblueTelemetry.MeterName)
                    {
                        listener.EnableMeasurementEvents(instrument);
                    }
                },
            };
            _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
            _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
            _meters.Start();
        }

        /// <summary>Spans of this server's calls, in the order they ended.</summary>
        public IReadOnlyList<Activity> Activities => _stopped.ToArray();

        public IReadOnlyList<Measured> Measurements => _measured.ToArray();

        public IReadOnlyList<Measured> Of(string instrument) => Measurements.Where(m => m.Instrument == instrument).ToList();

        public void Dispose()
        {
            _activities.Dispose();
            _meters.Dispose();
        }

        private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            if (copy.TryGetValue("server.port", out var port) && port is int p && p == _port)
            {
                _measured.Enqueue(new Measured(instrument.Name, instrument.Unit, value, copy));
            }
        }
    }
}
