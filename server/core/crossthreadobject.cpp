#include "core/crossthreadobject.h"

#if defined(__SANITIZE_THREAD__)
#define CONFAB_UNDER_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define CONFAB_UNDER_TSAN 1
#endif
#endif

#ifdef CONFAB_UNDER_TSAN
#include <sanitizer/tsan_interface.h>
#endif

CrossThreadObject::CallEvent::CallEvent(std::promise<void>* finished)
    : QEvent(callType()), m_finished(finished)
{
}

CrossThreadObject::CallEvent::~CallEvent()
{
    if (m_finished)
        m_finished->set_value();
}

QEvent::Type CrossThreadObject::CallEvent::callType()
{
    static const QEvent::Type type = QEvent::Type(QEvent::registerEventType());
    return type;
}

void CrossThreadObject::send(CrossThreadObject* receiver, CallEvent* call)
{
#ifdef CONFAB_UNDER_TSAN
    __tsan_release(call); // everything up to here, the call's construction included
#endif
    QCoreApplication::postEvent(receiver, call);
}

bool CrossThreadObject::event(QEvent* event)
{
#ifdef CONFAB_UNDER_TSAN
    __tsan_acquire(event); // before its type is read; a no-op for events not posted by send()
#endif
    if (event->type() != CallEvent::callType())
        return QObject::event(event);
    static_cast<CallEvent*>(event)->run();
    return true;
}
