#pragma once

#include <QList>
#include <QObject>

class QSocketNotifier;

// Turns POSIX signals (SIGINT, SIGTERM) into a Qt signal, safely: the handler only writes one
// byte to a socket pair, and a QSocketNotifier reads it in the event loop.
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(const QList<int>& signalNumbers, QObject* parent = nullptr);
    ~SignalWatcher() override;

    bool isValid() const { return m_notifier != nullptr; }

signals:
    void signalReceived(int signalNumber);

private:
    void onActivated();

    QSocketNotifier* m_notifier = nullptr;
    QList<int> m_signals;
};
