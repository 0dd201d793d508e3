#pragma once

#include <QCoreApplication>
#include <QEvent>
#include <QObject>
#include <QThread>

#include <future>
#include <type_traits>
#include <utility>

// An object that other threads give work to: the account and history workers (from the event
// loop) and their services (the results, from the workers). A call from another thread goes
// through post() or postAndWait(), as an event that runs the functor on the receiver's thread,
// in the order posted; calls to a receiver that is deleted first never run.
//
// It does what QMetaObject::invokeMethod() with a queued connection does, with the hand-over
// in our own code rather than inside Qt: Qt is not built with ThreadSanitizer, which therefore
// could not see that what the sender did happens before the call runs, and reported every
// captured value as a race. Under ThreadSanitizer the event is marked released when posted and
// acquired before it runs; postAndWait() waits on a std::promise, which it sees.
class CrossThreadObject : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Runs functor on the receiver's thread, later.
    template <typename Functor> static void post(CrossThreadObject* receiver, Functor&& functor)
    {
        send(receiver, new Call<std::decay_t<Functor>>(std::forward<Functor>(functor), nullptr));
    }

    // Runs functor on the receiver's thread and waits until it has run, or until the receiver
    // is deleted without running it. Never from the receiver's own thread (it would wait
    // forever).
    template <typename Functor>
    static void postAndWait(CrossThreadObject* receiver, Functor&& functor)
    {
        Q_ASSERT(receiver->thread() != QThread::currentThread());
        std::promise<void> finished;
        std::future<void> done = finished.get_future();
        send(receiver, new Call<std::decay_t<Functor>>(std::forward<Functor>(functor), &finished));
        done.wait();
    }

protected:
    bool event(QEvent* event) override;

private:
    class CallEvent : public QEvent
    {
    public:
        explicit CallEvent(std::promise<void>* finished);
        ~CallEvent() override;
        virtual void run() = 0;
        static QEvent::Type callType();

    private:
        std::promise<void>* m_finished;
    };

    template <typename Functor> class Call final : public CallEvent
    {
    public:
        template <typename F>
        Call(F&& functor, std::promise<void>* finished)
            : CallEvent(finished), m_functor(std::forward<F>(functor))
        {
        }
        void run() override { m_functor(); }

    private:
        Functor m_functor;
    };

    static void send(CrossThreadObject* receiver, CallEvent* call);
};
