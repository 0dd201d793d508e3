#pragma once

#include "../latencyhistogram.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>


// How late the GUI thread's event loop runs a timer that should fire every IntervalMs: the time a
// user's keypress or a repaint would wait at that moment. Lateness per tick, in microseconds.
class EventLoopLatencyProbe : public QObject
{
    Q_OBJECT

public:
    static constexpr int IntervalMs = 4;

    explicit EventLoopLatencyProbe(QObject* parent = nullptr);

    void start();
    void stop();
    // Lateness at quantile q (0..1; LatencyHistogram: within 1.6 %), and the worst, in ms; 0
    // without ticks.
    double quantileMs(double q) const;
    double maxMs() const;
    int ticks() const { return int(m_lateness.count()); }

private:
    void onTick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    LatencyHistogram m_lateness; // microseconds
};
